import crypto from 'node:crypto';
import type { AppContext } from '../context';
import { randomHex } from '../core/random';
import { ApiError, Code } from '../core/errors';

/** What a method declares about the caller: must be logged in, may be, or need not be. */
export type UserRequirement = 'required' | 'optional' | 'none';

/** Phones (platform 1 iOS, 2 Android) stay logged in for weeks; H5, web and admin pages for half an hour. */
export type ClientClass = 'app' | 'web';

export interface SessionUser {
  userId: number;
  clientClass: ClientClass;
  /** sha256 of the token: what the store keys on, so the token itself is never at rest. */
  tokenHash: string;
}

interface SessionRecord {
  uid: number;
  cls: ClientClass;
  /** issued at (ms) */
  iat: number;
  /** the user's credential generation when issued: lower than the current one → 606 */
  gen: number;
  /** sliding expiry (ms) */
  exp: number;
}

const TTL_MS: Record<ClientClass, number> = { app: 30 * 24 * 3600 * 1000, web: 30 * 60 * 1000 };

export function clientClassOf(platform: number | undefined): ClientClass {
  return platform === 1 || platform === 2 ? 'app' : 'web';
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

const sessionKey = (hash: string) => `sess:${hash}`;
const currentKey = (uid: number, cls: ClientClass) => `sess-cur:${uid}:${cls}`;
// A counter, not a time: hosts' clocks differ, and a password change must order against logins exactly.
// It has no TTL: if it expired, tokens from before the change would become valid again.
const generationKey = (uid: number) => `sess-gen:${uid}`;

/**
 * Opaque random session tokens in the KV store (protocol steps 13–16). One live token per user and
 * client class: a newer login leaves the older token answering 603; a password change leaves tokens
 * issued before it answering 606; logout deletes the token so nothing can bring it back.
 */
export class SessionService {
  constructor(private readonly app: AppContext) {}

  /** A fresh token for the user; any earlier token of the same class now answers 603. */
  async issue(userId: number, platform: number | undefined): Promise<string> {
    const cls = clientClassOf(platform);
    const token = randomHex(24); // 192 bits
    const hash = hashToken(token);
    const now = this.app.clock.now();
    const gen = Number((await this.app.kv.get(generationKey(userId))) ?? 0);
    const record: SessionRecord = { uid: userId, cls, iat: now, gen, exp: now + TTL_MS[cls] };
    // The replaced token's record stays until its own expiry, so it can answer 603 instead of 601.
    await this.app.kv.set(sessionKey(hash), JSON.stringify(record), { ttlMs: TTL_MS[cls] });
    await this.app.kv.set(currentKey(userId, cls), hash, { ttlMs: TTL_MS[cls] });
    return token;
  }

  /**
   * Steps 13–16 for a method's requirement. 'none' never looks; 'optional' answers null for an empty,
   * unknown, replaced or outdated token; 'required' throws 602/601/603/606 for them.
   */
  async resolve(token: string | undefined, requirement: UserRequirement): Promise<SessionUser | null> {
    if (requirement === 'none') return null;
    if (!token) {
      if (requirement === 'required') throw new ApiError(Code.NOT_LOGGED_IN, 'not logged in');
      return null;
    }
    try {
      return await this.check(token);
    } catch (err) {
      if (requirement === 'optional' && err instanceof ApiError) return null;
      throw err;
    }
  }

  private async check(token: string): Promise<SessionUser> {
    const hash = hashToken(token);
    const raw = await this.app.kv.get(sessionKey(hash));
    const now = this.app.clock.now();
    const record = raw ? (JSON.parse(raw) as SessionRecord) : null;
    if (!record || record.exp <= now) throw new ApiError(Code.LOGIN_TIMEOUT, 'login timed out, please log in again');
    const [current, generation, user] = await Promise.all([
      this.app.kv.get(currentKey(record.uid, record.cls)),
      this.app.kv.get(generationKey(record.uid)),
      this.app.db('users').where({ id: record.uid }).first('status') as Promise<{ status: number } | undefined>,
    ]);
    if (current !== hash) throw new ApiError(Code.LOGGED_IN_ELSEWHERE, 'your account has logged in on another device');
    if ((record.gen ?? 0) < Number(generation ?? 0)) {
      throw new ApiError(Code.PASSWORD_CHANGED, 'your password has been changed, please log in again');
    }
    // A disabled or removed account loses its sessions at once, whatever disabled it.
    if (!user || Number(user.status) !== 1) throw new ApiError(Code.LOGIN_TIMEOUT, 'the account is not available, please log in again');
    await this.slide(hash, record, now);
    return { userId: record.uid, clientClass: record.cls, tokenHash: hash };
  }

  /** Sliding expiry, written at most about once a minute per token instead of on every call. */
  private async slide(hash: string, record: SessionRecord, now: number): Promise<void> {
    const ttl = TTL_MS[record.cls];
    if (record.exp - now > ttl - Math.min(60_000, ttl / 30)) return;
    record.exp = now + ttl;
    await Promise.all([
      this.app.kv.set(sessionKey(hash), JSON.stringify(record), { ttlMs: ttl }),
      this.app.kv.expire(currentKey(record.uid, record.cls), ttl),
    ]);
  }


  /** Logout: the token ends for good. */
  async end(session: SessionUser): Promise<void> {
    const raw = await this.app.kv.get(sessionKey(session.tokenHash));
    await this.app.kv.del(sessionKey(session.tokenHash));
    if (!raw) return;
    const record = JSON.parse(raw) as SessionRecord;
    if ((await this.app.kv.get(currentKey(record.uid, record.cls))) === session.tokenHash) {
      await this.app.kv.del(currentKey(record.uid, record.cls));
    }
  }

  /**
   * After a password change or reset: every token issued before now answers 606, except `keep`
   * (the caller's own session after `user.pwd.edit`), which is re-stamped as issued now.
   */
  async passwordChanged(userId: number, keep?: SessionUser): Promise<void> {
    const gen = await this.app.kv.incr(generationKey(userId));
    if (!keep) return;
    const raw = await this.app.kv.get(sessionKey(keep.tokenHash));
    if (!raw) return;
    const record = JSON.parse(raw) as SessionRecord;
    record.gen = gen;
    await this.app.kv.set(sessionKey(keep.tokenHash), JSON.stringify(record), { ttlMs: Math.max(1, record.exp - this.app.clock.now()) });
  }

}

export const sessionService = (app: AppContext): SessionService => new SessionService(app);
