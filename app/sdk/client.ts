/**
 * The client SDK: builds the fixed parameters, serialises `data`, signs it and posts it. Runs in Node
 * (≥ 18) and in browsers (H5 pages): it needs only `fetch`, `FormData` and crypto-js, nothing of Node.
 */
import MD5 from 'crypto-js/md5';

export interface ApiAnswer<T = unknown> {
  code: number;
  msg: string;
  data?: T;
}

export interface ClientOptions {
  /** Base URL of the server; calls go to `${url}/`. */
  url: string;
  appid: string;
  secret: string;
  v?: string;
  platform?: number;
  appV?: string;
  channel?: string;
  uniqueId?: string;
  deviceToken?: string;
  /** Seconds since the epoch; injectable for clock-skewed clients and tests. */
  now?: () => number;
  fetch?: typeof fetch;
}

/**
 * A file for a multipart call (`system.upload`): raw bytes with a name and type, or a `Blob` / `File` as a
 * page holds it (`input.files[0]`), sent as it is. The file part is never part of the signature.
 */
export type FilePart = { field: string; name: string; type: string; bytes: Uint8Array } | { field: string; file: Blob; name?: string };

function fileName(part: { file: Blob; name?: string }): string {
  return part.name ?? (part.file as Blob & { name?: string }).name ?? 'upload';
}

export interface CallOptions {
  token?: string;
  files?: FilePart[];
  /** Send as JSON body instead of a form (H5 convenience). */
  json?: boolean;
  headers?: Record<string, string>;
}

/** Uppercase hex MD5 of `data` followed by `secret`: the protocol's `sign`. */
export function signData(data: string, secret: string): string {
  return MD5(data + secret).toString().toUpperCase();
}

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ApiClient {
  constructor(private readonly options: ClientOptions) {}

  /** The `data` string for a call: fixed parameters first, then the method's own. */
  buildData(method: string, params: Record<string, unknown> = {}, token?: string): string {
    const o = this.options;
    const now = o.now ? o.now() : Math.floor(Date.now() / 1000);
    return JSON.stringify({
      method,
      v: o.v ?? '1.0.0',
      appid: o.appid,
      timestamp: String(now),
      unique_id: o.uniqueId ?? '',
      app_v: o.appV ?? '',
      platform: o.platform ?? 0,
      channel: o.channel ?? '',
      device_token: o.deviceToken ?? '',
      // Two identical writes in one second would otherwise share a signature and the second would be
      // refused as a replay (protocol step 12); the server ignores this field.
      nonce: randomHex(8),
      ...(token !== undefined ? { token } : {}),
      ...params,
    });
  }

  async call<T = unknown>(method: string, params: Record<string, unknown> = {}, options: CallOptions = {}): Promise<ApiAnswer<T>> {
    const data = this.buildData(method, params, options.token);
    return this.send<T>(data, signData(data, this.options.secret), options);
  }

  /** Posts an already-built `data` and `sign` as they are (for tests of the server's checks). */
  async send<T = unknown>(data: string, sign: string, options: CallOptions = {}): Promise<ApiAnswer<T>> {
    const doFetch = this.options.fetch ?? fetch;
    const url = `${this.options.url.replace(/\/$/, '')}/`;
    let init: RequestInit;
    if (options.files?.length) {
      const form = new FormData();
      form.append('data', data);
      form.append('sign', sign);
      for (const f of options.files) {
        if ('file' in f) form.append(f.field, f.file, fileName(f));
        else form.append(f.field, new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type }), f.name);
      }
      init = { method: 'POST', body: form, headers: options.headers };
    } else if (options.json) {
      init = { method: 'POST', body: JSON.stringify({ data, sign }), headers: { 'content-type': 'application/json', ...options.headers } };
    } else {
      init = {
        method: 'POST',
        body: new URLSearchParams({ data, sign }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
      };
    }
    const response = await doFetch(url, init);
    const text = await response.text();
    try {
      return JSON.parse(text) as ApiAnswer<T>;
    } catch {
      return { code: response.status, msg: text.slice(0, 200) };
    }
  }
}
