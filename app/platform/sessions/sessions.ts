import crypto from 'node:crypto';
import type { AppContext } from '../../context';
import { clientClassOf, type ApiType, type ClientClass, type SessionUser, type UserRequirement } from '../../core/caller';
import { randomHex } from '../../core/random';
import { ApiError, Code } from '../../core/errors';
import { USER_ACTIVE, userDirectory, type AccountSnapshot } from '../identity/users';

/**
 * The account row the session check read (for its status), kept with the session for the rest of the
 * call: the method that then needs the member's row (user.detail and most `user: required` methods)
 * does not read it a second time. Dies with the session object, at the end of the call.
 */
const accountsReadBySessions = new WeakMap<SessionUser, AccountSnapshot>();

/** Once per call: a second look (after the method changed the account) reads the row again. */
export function takeAccountReadBy(session: SessionUser): AccountSnapshot | undefined {
  const account = accountsReadBySessions.get(session);
  accountsReadBySessions.delete(session);
  return account;
}

export { clientClassOf, type ClientClass, type SessionUser, type UserRequirement };

interface SessionRecord {
  uid: number;
  /** the api type (product) that issued the token: it is valid under that namespace only */
  ns: ApiType;
  cls: ClientClass;
  /** issued at (ms) */
  iat: number;
  /** the user's credential generation when issued: lower than the current one → 606 */
  gen: number;
  /** sliding expiry (ms) */
  exp: number;
}

/**
 * What stays of a token that a newer login of the same product and class replaced: enough to say 603
 * under its own product (and, like any foreign token, 601 under the others).
 */
interface ReplacedMarker {
  replaced: 1;
  ns: ApiType;
}

const TTL_MS: Record<ClientClass, number> = { app: 30 * 24 * 3600 * 1000, web: 30 * 60 * 1000 };
/** A replaced token answers 603 for this long, then 601: a marker, not a 30-day session record. */
const REPLACED_MARKER_TTL_MS = 7 * 24 * 3600 * 1000;

export interface SessionOptions {
  /** A fixed lifetime instead of the sliding one of the client class (the account product's 7-day access token). */
  fixedTtlMs?: number;
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** The hash a token is stored under (`SessionUser.tokenHash`): what services keyed on a session keep. */
export const tokenHashOf = hashToken;

const sessionKey = (hash: string) => `sess:${hash}`;
// The `app` product keeps the key it had before products existed, so live app sessions survive the upgrade.
const currentKey = (ns: ApiType, uid: number, cls: ClientClass) => (ns === 'app' ? `sess-cur:${uid}:${cls}` : `sess-cur:${ns}:${uid}:${cls}`);
// A counter, not a time: hosts' clocks differ, and a password change must order against logins exactly.
// It has no TTL: if it expired, tokens from before the change would become valid again. It is per user,
// not per product: the password is shared, so a change ends the sessions of every product (606).
const generationKey = (uid: number) => `sess-gen:${uid}`;

/**
 * Opaque random session tokens in the KV store (protocol steps 13–16), each bound to the product (api
 * type) that issued it: under any other namespace it answers 601. One live token per user, product and
 * client class: a newer login leaves the older token answering 603; a password change leaves tokens of
 * every product issued before it answering 606; logout deletes the token so nothing can bring it back.
 */
export class SessionService {
  constructor(private readonly app: AppContext) {}

  /** A fresh token for the user under `apiType`; an earlier token of the same product and class now answers 603. */
  async issue(userId: number, platform: number | undefined, apiType: ApiType, options: SessionOptions = {}): Promise<string> {
    const cls = clientClassOf(platform);
    const token = randomHex(24); // 192 bits
    const hash = hashToken(token);
    const now = this.app.clock.now();
    const ttl = options.fixedTtlMs ?? TTL_MS[cls];
    const [gen, previous] = await Promise.all([
      this.app.kv.get(generationKey(userId)),
      this.app.kv.get(currentKey(apiType, userId, cls)),
    ]);
    const record: SessionRecord & { fixed?: 1 } = { uid: userId, ns: apiType, cls, iat: now, gen: Number(gen ?? 0), exp: now + ttl };
    if (options.fixedTtlMs) record.fixed = 1;
    await this.app.kv.set(sessionKey(hash), JSON.stringify(record), { ttlMs: ttl });
    await this.app.kv.set(currentKey(apiType, userId, cls), hash, { ttlMs: ttl });
    if (previous && previous !== hash) {
      const marker: ReplacedMarker = { replaced: 1, ns: apiType };
      await this.app.kv.set(sessionKey(previous), JSON.stringify(marker), { ttlMs: REPLACED_MARKER_TTL_MS });
    }
    return token;
  }

  /**
   * Steps 13–16 for a method's requirement under the caller's namespace. 'none' never looks; 'optional'
   * answers null for an empty, unknown, foreign, replaced or outdated token; 'required' throws
   * 602/601/603/606 for them.
   */
  async resolve(token: string | undefined, requirement: UserRequirement, apiType: ApiType): Promise<SessionUser | null> {
    if (requirement === 'none') return null;
    if (!token) {
      if (requirement === 'required') throw new ApiError(Code.NOT_LOGGED_IN, 'not logged in');
      return null;
    }
    try {
      return await this.check(token, apiType);
    } catch (err) {
      if (requirement === 'optional' && err instanceof ApiError) return null;
      throw err;
    }
  }

  private async check(token: string, apiType: ApiType): Promise<SessionUser> {
    const hash = hashToken(token);
    const raw = await this.app.kv.get(sessionKey(hash));
    const now = this.app.clock.now();
    const stored = raw ? (JSON.parse(raw) as Partial<SessionRecord & ReplacedMarker>) : null;
    // A token of another product is unknown here: it must not even reveal that it exists elsewhere.
    const foreign = (stored?.ns ?? 'app') !== apiType;
    if (stored?.replaced && !foreign) throw new ApiError(Code.LOGGED_IN_ELSEWHERE, 'your account has logged in on another device');
    const record = stored?.replaced ? null : (stored as (SessionRecord & { fixed?: 1 }) | null);
    if (!record || record.exp <= now || foreign) {
      throw new ApiError(Code.LOGIN_TIMEOUT, 'login timed out, please log in again');
    }
    const [current, generation, account] = await Promise.all([
      this.app.kv.get(currentKey(apiType, record.uid, record.cls)),
      this.app.kv.get(generationKey(record.uid)),
      this.app.use(userDirectory).snapshot(record.uid),
    ]);
    const status = account?.status;
    if (current !== hash) throw new ApiError(Code.LOGGED_IN_ELSEWHERE, 'your account has logged in on another device');
    if ((record.gen ?? 0) < Number(generation ?? 0)) {
      throw new ApiError(Code.PASSWORD_CHANGED, 'your password has been changed, please log in again');
    }
    // A disabled or removed account loses its sessions at once, whatever disabled it.
    if (status !== USER_ACTIVE) throw new ApiError(Code.LOGIN_TIMEOUT, 'the account is not available, please log in again');
    if (!record.fixed) await this.slide(hash, record, now);
    const session: SessionUser = { userId: record.uid, apiType, clientClass: record.cls, tokenHash: hash };
    accountsReadBySessions.set(session, account!);
    return session;
  }

  /** Sliding expiry, written at most about once a minute per token instead of on every call. */
  private async slide(hash: string, record: SessionRecord, now: number): Promise<void> {
    const ttl = TTL_MS[record.cls];
    if (record.exp - now > ttl - Math.min(60_000, ttl / 30)) return;
    record.exp = now + ttl;
    await Promise.all([
      this.app.kv.set(sessionKey(hash), JSON.stringify(record), { ttlMs: ttl }),
      this.app.kv.expire(currentKey(record.ns ?? 'app', record.uid, record.cls), ttl),
    ]);
  }

  /** Logout: the token ends for good. */
  async end(session: Pick<SessionUser, 'tokenHash'>): Promise<void> {
    const raw = await this.app.kv.get(sessionKey(session.tokenHash));
    await this.app.kv.del(sessionKey(session.tokenHash));
    if (!raw) return;
    const record = JSON.parse(raw) as SessionRecord;
    if (!record.uid) return;
    const key = currentKey(record.ns ?? 'app', record.uid, record.cls);
    if ((await this.app.kv.get(key)) === session.tokenHash) await this.app.kv.del(key);
  }

  /** The user's credential generation now: a token or refresh token stamped lower predates a password change (606). */
  async credentialGeneration(userId: number): Promise<number> {
    return Number((await this.app.kv.get(generationKey(userId))) ?? 0);
  }

  /**
   * After a password change or reset: every token of every product issued before now answers 606,
   * except `keep` (the caller's own session after `user.pwd.edit`), which is re-stamped as issued now.
   */
  async passwordChanged(userId: number, keep?: SessionUser): Promise<void> {
    const gen = await this.app.kv.incr(generationKey(userId));
    if (!keep) return;
    const raw = await this.app.kv.get(sessionKey(keep.tokenHash));
    if (!raw) return;
    const record = JSON.parse(raw) as SessionRecord;
    if (!record.uid) return;
    record.gen = gen;
    await this.app.kv.set(sessionKey(keep.tokenHash), JSON.stringify(record), { ttlMs: Math.max(1, record.exp - this.app.clock.now()) });
  }
}

export const sessionService = (app: AppContext): SessionService => new SessionService(app);
