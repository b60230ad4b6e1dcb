/** Decision 2: the access token lives 7 days, fixed; the refresh token 30 days, single use. */
export const ACCESS_TTL_MS = 7 * 24 * 3600 * 1000;
export const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;
export const TOKEN_LIFETIMES = { accessTtlMs: ACCESS_TTL_MS, refreshTtlMs: REFRESH_TTL_MS };
