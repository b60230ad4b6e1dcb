import type { AppContext } from '../../context';
import { clientClassOf, type ApiType, type ClientClass, type SessionUser } from '../../core/caller';
import { ApiError, Code } from '../../core/errors';
import { randomHex } from '../../core/random';
import { USER_ACTIVE, userDirectory } from '../identity/users';
import { sessionService, tokenHashOf } from './sessions';

/** How long each token of a pair lives; the access token's life is fixed, not sliding. */
export interface PairLifetimes {
  accessTtlMs: number;
  refreshTtlMs: number;
}

/** A fresh access + refresh token pair. `sessionId` names the login and survives every rotation. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Unix ms. */
  accessExpiresAt: number;
  refreshExpiresAt: number;
  sessionId: string;
}

/** A refresh token as stored (under its hash): kept after it is used, so a second use is recognised. */
interface RefreshRecord {
  uid: number;
  ns: ApiType;
  platform: number;
  /** The login (family) it belongs to. */
  fam: string;
  /** The credential generation when the login began: lower than the current one → 606. */
  gen: number;
  /** Unix ms. */
  exp: number;
}

/** The current access token of a login, so the pair can be revoked together. */
interface FamilyRecord {
  access: string;
}

const refreshKey = (hash: string) => `rt:${hash}`;
/** The one refresh token of a login that may still be used: compare-and-delete makes using it atomic. */
const liveKey = (fam: string) => `rt-live:${fam}`;
const familyKey = (fam: string) => `rt-fam:${fam}`;
const deadKey = (fam: string) => `rt-dead:${fam}`;
/** Access token hash → its login: logout finds the refresh token and the product's session-bound data. */
const byAccessKey = (accessHash: string) => `rt-acc:${accessHash}`;
/** The newest login per product, user and client class: an older one refreshes no more (603), as its access token. */
const currentKey = (ns: ApiType, uid: number, cls: ClientClass) => `rt-cur:${ns}:${uid}:${cls}`;

const invalid = () => new ApiError(Code.LOGIN_TIMEOUT, 'refresh token is invalid or expired, please log in again');
const reused = () => new ApiError(Code.LOGIN_TIMEOUT, 'refresh token was already used, please log in again');

/**
 * Access tokens (the protocol's session tokens, fixed lifetime) paired with refresh tokens: opaque random,
 * stored only as their SHA-256, single use and rotated. Using a refresh token a second time is taken for
 * theft (one of the two users of it is not the owner): the whole login, its current access token and its
 * current refresh token, is revoked. Everything lives in the KV store, shared by every process.
 */
export class RefreshTokenService {
  constructor(private readonly app: AppContext) {}

  /** A login: a new access token (replacing the user's previous one in this product and client class, 603) and its refresh token. */
  async issuePair(userId: number, platform: number, apiType: ApiType, lifetimes: PairLifetimes): Promise<TokenPair> {
    const fam = randomHex(16);
    const gen = await this.app.use(sessionService).credentialGeneration(userId);
    await this.app.kv.set(currentKey(apiType, userId, clientClassOf(platform)), fam, { ttlMs: lifetimes.refreshTtlMs });
    return this.writePair({ uid: userId, ns: apiType, platform, fam, gen, exp: 0 }, lifetimes);
  }

  /**
   * Spends `refreshToken` for a new pair of the same login; the old access token ends (601). 601 for an
   * unknown, expired, foreign or already used token (a reuse also revokes the login), 603 when a newer
   * login replaced this one, 606 after a password change, 601 for an account no longer active.
   */
  async rotate(refreshToken: string, apiType: ApiType, lifetimes: PairLifetimes): Promise<TokenPair> {
    const hash = tokenHashOf(refreshToken);
    const raw = await this.app.kv.get(refreshKey(hash));
    const record = raw ? (JSON.parse(raw) as RefreshRecord) : null;
    if (!record || record.ns !== apiType || record.exp <= this.app.clock.now()) throw invalid();
    if (await this.app.kv.get(deadKey(record.fam))) throw invalid();
    if (!(await this.app.kv.delIfValue(liveKey(record.fam), hash))) {
      await this.revokeFamily(record.fam);
      throw reused();
    }
    const sessions = this.app.use(sessionService);
    const family = await this.family(record.fam);
    if (family) await this.endAccess(family.access);
    const cls = clientClassOf(record.platform);
    if ((await this.app.kv.get(currentKey(apiType, record.uid, cls))) !== record.fam) {
      throw new ApiError(Code.LOGGED_IN_ELSEWHERE, 'your account has logged in on another device');
    }
    if (record.gen < (await sessions.credentialGeneration(record.uid))) {
      throw new ApiError(Code.PASSWORD_CHANGED, 'your password has been changed, please log in again');
    }
    if ((await this.app.use(userDirectory).statusOf(record.uid)) !== USER_ACTIVE) throw invalid();
    await this.app.kv.expire(currentKey(apiType, record.uid, cls), lifetimes.refreshTtlMs);
    const pair = await this.writePair(record, lifetimes);
    // A reuse that raced this rotation revoked the login while the new pair was being written: it goes too.
    if (await this.app.kv.get(deadKey(record.fam))) {
      await this.revokeFamily(record.fam);
      throw reused();
    }
    return pair;
  }

  /** The login an access token belongs to (its `sessionId`), or null for a token issued without a pair. */
  sessionIdOf(session: Pick<SessionUser, 'tokenHash'>): Promise<string | null> {
    return this.app.kv.get(byAccessKey(session.tokenHash));
  }

  /** Logout: the access token and its refresh token end for good; answers the login's `sessionId` (or null). */
  async revoke(session: SessionUser): Promise<string | null> {
    const fam = await this.sessionIdOf(session);
    await this.app.use(sessionService).end(session);
    if (fam) await this.revokeFamily(fam);
    return fam;
  }

  private async writePair(record: RefreshRecord, lifetimes: PairLifetimes): Promise<TokenPair> {
    const now = this.app.clock.now();
    const accessToken = await this.app.use(sessionService).issue(record.uid, record.platform, record.ns, { fixedTtlMs: lifetimes.accessTtlMs });
    const accessHash = tokenHashOf(accessToken);
    const refreshToken = randomHex(24);
    const refreshHash = tokenHashOf(refreshToken);
    const ttl = { ttlMs: lifetimes.refreshTtlMs };
    const stored: RefreshRecord = { ...record, exp: now + lifetimes.refreshTtlMs };
    const family: FamilyRecord = { access: accessHash };
    await Promise.all([
      this.app.kv.set(refreshKey(refreshHash), JSON.stringify(stored), ttl),
      this.app.kv.set(familyKey(record.fam), JSON.stringify(family), ttl),
      this.app.kv.set(byAccessKey(accessHash), record.fam, { ttlMs: lifetimes.accessTtlMs }),
    ]);
    // Last: until now there was no live refresh token to spend.
    await this.app.kv.set(liveKey(record.fam), refreshHash, ttl);
    return {
      accessToken,
      refreshToken,
      accessExpiresAt: now + lifetimes.accessTtlMs,
      refreshExpiresAt: stored.exp,
      sessionId: record.fam,
    };
  }

  private async family(fam: string): Promise<FamilyRecord | null> {
    const raw = await this.app.kv.get(familyKey(fam));
    return raw ? (JSON.parse(raw) as FamilyRecord) : null;
  }

  private async endAccess(accessHash: string): Promise<void> {
    await this.app.use(sessionService).end({ tokenHash: accessHash });
    await this.app.kv.del(byAccessKey(accessHash));
  }

  private async revokeFamily(fam: string): Promise<void> {
    // The mark first: a rotation in flight checks it after writing its pair.
    await this.app.kv.set(deadKey(fam), '1', { ttlMs: 31 * 24 * 3600 * 1000 });
    await this.app.kv.del(liveKey(fam));
    const family = await this.family(fam);
    if (family) await this.endAccess(family.access);
  }
}

export const refreshTokenService = (app: AppContext): RefreshTokenService => new RefreshTokenService(app);
