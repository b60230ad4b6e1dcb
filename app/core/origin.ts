/**
 * Browser origins (`scheme://host[:port]`) as an appid lists them for CORS. Stored and compared in the
 * form a browser sends in its `Origin` header (lowercase scheme and host, default port left out), so a
 * check is one exact string lookup.
 */

const MAX_ORIGIN_LENGTH = 200;
export const MAX_ORIGINS_PER_APPID = 50;

/** One origin in its canonical form; throws on a wildcard, a path, `null` or anything not http(s). */
export function parseOrigin(text: string): string {
  const entry = text.trim();
  if (entry.includes('*')) throw new Error(`wildcards are not accepted, list each origin: ${entry}`);
  if (entry.length > MAX_ORIGIN_LENGTH) throw new Error(`origin longer than ${MAX_ORIGIN_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`not an origin (scheme://host[:port]): ${entry}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`an origin is http:// or https://: ${entry}`);
  // An origin is only scheme, host and port: anything more is a typo that would never match.
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new Error(`an origin has no path, query or credentials: ${entry}`);
  }
  return url.origin;
}

/** "https://a.example, https://b.example:8443" → canonical origins, without repeats. */
export function parseOriginList(text: string): string[] {
  const origins = [...new Set(text.split(/[,\s]+/).filter((part) => part !== '').map(parseOrigin))];
  if (origins.length > MAX_ORIGINS_PER_APPID) throw new Error(`at most ${MAX_ORIGINS_PER_APPID} origins per appid`);
  return origins;
}
