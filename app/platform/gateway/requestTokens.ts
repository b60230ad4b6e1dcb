import type { AppContext } from '../../context';
import { randomHex } from '../../core/random';
import { refuse } from '../../core/errors';
import type { Caller } from '../../core/caller';

const TTL_MS = 30 * 60 * 1000;

/**
 * Unspent tokens one holder may be issued per 30-minute window (a token lives one window, so at most
 * twice this many are alive at once). A form needs one or a few; without a cap a guest loop held
 * megabytes of KV memory for half an hour.
 */
export const MAX_UNSPENT_PER_WINDOW = 50;

type TokenCaller = Pick<Caller, 'user' | 'appid'>;

/** Tokens belong to the logged-in user, or for a guest to the appid that asked for them. */
function ownerOf(call: TokenCaller): string {
  return call.user ? `u:${call.user.userId}` : `a:${call.appid}`;
}

/** Whose cap an issue counts against: the user, or for a guest the appid from that address (guests share an appid). */
function holderOf(call: Pick<Caller, 'user' | 'appid' | 'ip'>): string {
  return call.user ? `u:${call.user.userId}` : `a:${call.appid}:${call.ip}`;
}

/**
 * Anti-duplicate-submission tokens (seed 2.3): a form asks for one before it shows, and its submit
 * spends it; a second submit of the same form finds it spent. Single use, 30 minutes, owner-bound.
 * Each token's value is its owner and the holder's window counter, which spending gives back.
 */
export class RequestTokenService {
  constructor(private readonly app: AppContext) {}

  async issue(call: Pick<Caller, 'user' | 'appid' | 'ip'>, count: number): Promise<string[]> {
    const counter = `rtokn:${holderOf(call)}:${Math.floor(this.app.clock.now() / TTL_MS)}`;
    const unspent = await this.app.kv.incr(counter, { by: count, ttlMs: TTL_MS });
    if (unspent > MAX_UNSPENT_PER_WINDOW) {
      await this.app.kv.incr(counter, { by: -count });
      throw refuse(`too many unspent request tokens (at most ${MAX_UNSPENT_PER_WINDOW} per 30 minutes): spend the ones you have, or try again later`);
    }
    const value = `${ownerOf(call)}|${counter}`;
    const tokens = Array.from({ length: count }, () => randomHex(16));
    await Promise.all(tokens.map((token) => this.app.kv.set(`rtok:${token}`, value, { ttlMs: TTL_MS })));
    return tokens;
  }

  /** Who an unspent token belongs to (`u:<userId>` or `a:<appid>`), or null; it stays unspent. */
  async ownerOfToken(token: string): Promise<string | null> {
    const value = await this.app.kv.get(`rtok:${token}`);
    return value === null ? null : value.split('|')[0];
  }

  /** Spends a token or refuses (503). Atomic: of two concurrent submits with one token, one wins. */
  async consume(token: unknown, call: TokenCaller): Promise<void> {
    if (typeof token !== 'string' || !/^[0-9a-f]{32}$/.test(token)) throw refuse('request token is missing or malformed');
    const value = await this.app.kv.take(`rtok:${token}`);
    if (value === null) throw refuse('request token is invalid, expired or already used; please reload and try again');
    const [owner, counter] = value.split('|');
    // Taken, so no longer held, whoever sent it. The TTL only matters if the window's counter expired meanwhile.
    if (counter) await this.app.kv.incr(counter, { by: -1, ttlMs: TTL_MS });
    if (owner !== ownerOf(call)) throw refuse('request token does not belong to this caller');
  }
}

export const requestTokenService = (app: AppContext): RequestTokenService => new RequestTokenService(app);
