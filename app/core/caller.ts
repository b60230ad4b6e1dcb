/**
 * Who is calling, as the platform and product services see it: plain data, no HTTP and no protocol.
 * The registry's CallContext extends this; services take a `Caller` (or a `Pick` of it), so they never
 * import the registry and never learn how the call arrived.
 */

export const API_TYPES = ['app', 'admin', 'activity', 'show', 'campus', 'account', 'nearby'] as const;
/** An appid's namespace: which product's methods it calls (protocol §5). */
export type ApiType = (typeof API_TYPES)[number];

/** What a method declares about the caller: must be logged in, may be, or need not be. */
export type UserRequirement = 'required' | 'optional' | 'none';

/** Phones (platform 1 iOS, 2 Android) stay logged in for weeks; H5, web and admin pages for half an hour. */
export type ClientClass = 'app' | 'web';

export function clientClassOf(platform: number | undefined): ClientClass {
  return platform === 1 || platform === 2 ? 'app' : 'web';
}

/** A logged-in session: the user, the product (api type) that issued the token and the client class. */
export interface SessionUser {
  userId: number;
  apiType: ApiType;
  clientClass: ClientClass;
  /** sha256 of the token: what the store keys on, so the token itself is never at rest. */
  tokenHash: string;
}

/** An uploaded file part (multipart); never part of the signature. Removed after the call. */
export interface UploadedFile {
  field: string;
  path: string;
  size: number;
  originalName: string;
  declaredType: string;
}

export interface Caller {
  requestId: string;
  appid: string;
  apiType: ApiType;
  ip: string;
  /** Fixed parameters (protocol §2); absent ones are '' or 0. */
  platform: number;
  appV: string;
  channel: string;
  deviceToken: string;
  uniqueId: string;
  /** The session behind the call's token, when the method's requirement found one. */
  user: SessionUser | null;
}
