import fs from 'node:fs';
import { signData } from '../../app/protocol/signature';
import { ApiClient } from '../../app/sdk/client';

export interface BodyFiles {
  /** `<prefix>.<n>` for thread n = 0 … threads−1, one urlencoded form body per line. */
  prefix: string;
  count: number;
  threads: number;
}

/** `application/x-www-form-urlencoded`; a third of the cost of URLSearchParams for the same bytes' meaning. */
function formBody(data: string, sign: string): string {
  return `data=${encodeURIComponent(data)}&sign=${sign}`;
}

/**
 * Signed form bodies as a client sends them. `data` comes from the SDK's own builder (fixed parameters
 * plus a random nonce, so every body is distinct and its signature too); signing uses node:crypto,
 * which gives the same sign as the SDK's crypto-js and is fast enough to make hundreds of thousands.
 */
export class BodyMaker {
  private readonly client: ApiClient;

  constructor(
    appid: string,
    private readonly secret: string,
  ) {
    // Realistic fixed parameters: the reference figures used a `data` of about 300 bytes.
    this.client = new ApiClient({
      url: 'http://127.0.0.1',
      appid,
      secret,
      v: '1.0.0',
      platform: 1,
      appV: '2.3.1',
      channel: 'appstore',
      uniqueId: '6F1C2A9E-3B7D-4C55-9A0E-7D1B2C3E4F50',
      deviceToken: 'bench-device-token-0000000000000000000000000000',
    });
  }

  data(method: string, params: Record<string, unknown> = {}): string {
    return this.client.buildData(method, params);
  }

  signed(method: string, params: Record<string, unknown> = {}): string {
    const data = this.data(method, params);
    return formBody(data, signData(data, this.secret));
  }

  /** Well-formed (32 hex) but made with another secret: fails at the signature check, step 10. */
  badlySigned(method: string, params: Record<string, unknown> = {}): string {
    const data = this.data(method, params);
    return formBody(data, signData(data, `not-${this.secret}`));
  }

  /**
   * Writes `count` distinct signed bodies split over `threads` files (one per load-generator thread).
   * Each has a nonce of its own; `params` may also differ per body (given the body's number), so that a
   * write changes something every time; `forwardedFor` gives the body a client address (wrk.lua's
   * `<address>\t<body>` lines).
   */
  async writeDistinct(
    prefix: string,
    count: number,
    threads: number,
    method: string,
    params: Record<string, unknown> | ((n: number) => Record<string, unknown>) = {},
    forwardedFor?: (n: number) => string,
  ): Promise<BodyFiles> {
    const perThread = Math.ceil(count / threads);
    const paramsOf = typeof params === 'function' ? params : () => params;
    for (let t = 0; t < threads; t++) {
      const out = fs.createWriteStream(`${prefix}.${t}`);
      const chunk: string[] = [];
      for (let i = 0; i < perThread; i++) {
        const n = t * perThread + i;
        const body = this.signed(method, paramsOf(n));
        chunk.push(forwardedFor ? `${forwardedFor(n)}\t${body}` : body);
        if (chunk.length === 5000 || i === perThread - 1) {
          if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
          chunk.length = 0;
        }
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    }
    return { prefix, count: perThread * threads, threads };
  }
}
