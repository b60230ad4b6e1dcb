import type { IncomingMessage } from 'node:http';
import { nestsDeeperThan } from '../core/jsonDepth';

/** The body is larger than the configured limit (→ HTTP 413). */
export class BodyTooLargeError extends Error {
  readonly status = 413;
}

export interface ProtocolFields {
  data?: unknown;
  sign?: unknown;
  /** How many bytes the body had: the pipeline holds them to the method's own limit. */
  bytes?: number;
}

export function isMultipart(contentType: string): boolean {
  return contentType.toLowerCase().startsWith('multipart/form-data');
}

/** The body as UTF-8 text, refused past `limit` bytes (declared or actual). */
function readText(req: IncomingMessage, limit: number): Promise<{ text: string; bytes: number }> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new BodyTooLargeError('request body too large'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume(); // drain the rest; the answer is already decided
        reject(new BodyTooLargeError('request body too large'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve({ text: chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'), bytes: size }));
    req.once('error', reject);
  });
}

/**
 * `data` and `sign` from a url-encoded form or a JSON body. Read here rather than by koa-body: these are
 * every API call, and a plain bounded read plus URLSearchParams costs a fraction of the general parser
 * (measured by `npm run bench`). Anything undecodable yields no fields, which the pipeline answers 504.
 * `data[x]=…` or a JSON object in `data` are not strings and are refused the same way.
 */
export async function readProtocolFields(req: IncomingMessage, contentType: string, limit: number): Promise<ProtocolFields> {
  const type = contentType.toLowerCase();
  const form = type.startsWith('application/x-www-form-urlencoded');
  const json = !form && (type.startsWith('application/json') || type.includes('+json'));
  const { text, bytes } = await readText(req, limit);
  if (form) {
    const params = new URLSearchParams(text);
    return { data: params.get('data') ?? undefined, sign: params.get('sign') ?? undefined, bytes };
  }
  // The body's own nesting is bounded like `data`'s: it is parsed before any signature is checked.
  if (json && !nestsDeeperThan(text)) {
    try {
      const body: unknown = JSON.parse(text);
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
        const { data, sign } = body as Record<string, unknown>;
        return { data, sign, bytes };
      }
    } catch {
      // not JSON: no fields
    }
  }
  return { bytes };
}
