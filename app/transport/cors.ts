import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long a browser may reuse a preflight's answer; the call itself is still checked every time. */
export const PREFLIGHT_MAX_AGE_SEC = 600;

/** The `Origin` a browser sent, or undefined for a call without one (servers, apps, curl). */
export function requestOrigin(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  return origin ? origin : undefined;
}

/** `OPTIONS` with `Access-Control-Request-Method`: a browser asking before a call it may not send plainly. */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

/**
 * The headers that let a page on `origin` read an answer: the origin echoed (never `*`: the decision
 * is per origin, and a cache must not hand one origin's answer to another, hence Vary).
 */
export function allowOrigin(res: ServerResponse, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id');
}

/** What a preflight from an allowed origin is told: POST, with the two headers a page may set. */
export function answerPreflight(res: ServerResponse): void {
  res.statusCode = 204;
  res.setHeader('Access-Control-Allow-Methods', 'POST');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Request-Id');
  res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SEC));
  res.end();
}
