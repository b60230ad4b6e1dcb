import type { AppContext } from '../../context';
import { randomHex } from '../../core/random';
import { refuse } from '../../core/errors';
import type { Caller } from '../../core/caller';

const TTL_MS = 30 * 60 * 1000;

/** Tokens belong to the logged-in user, or for a guest to the appid that asked for them. */
function ownerOf(call: Pick<Caller, 'user' | 'appid'>): string {
  return call.user ? `u:${call.user.userId}` : `a:${call.appid}`;
}

/**
 * Anti-duplicate-submission tokens (seed 2.3): a form asks for one before it shows, and its submit
 * spends it; a second submit of the same form finds it spent. Single use, 30 minutes, owner-bound.
 */
export class RequestTokenService {
  constructor(private readonly app: AppContext) {}

  async issue(call: Pick<Caller, 'user' | 'appid'>, count: number): Promise<string[]> {
    const owner = ownerOf(call);
    const tokens = Array.from({ length: count }, () => randomHex(16));
    await Promise.all(tokens.map((token) => this.app.kv.set(`rtok:${token}`, owner, { ttlMs: TTL_MS })));
    return tokens;
  }

  /** Spends a token or refuses (503). Atomic: of two concurrent submits with one token, one wins. */
  async consume(token: unknown, call: Pick<Caller, 'user' | 'appid'>): Promise<void> {
    if (typeof token !== 'string' || !/^[0-9a-f]{32}$/.test(token)) throw refuse('request token is missing or malformed');
    const owner = await this.app.kv.take(`rtok:${token}`);
    if (owner === null) throw refuse('request token is invalid, expired or already used; please reload and try again');
    if (owner !== ownerOf(call)) throw refuse('request token does not belong to this caller');
  }
}

export const requestTokenService = (app: AppContext): RequestTokenService => new RequestTokenService(app);
