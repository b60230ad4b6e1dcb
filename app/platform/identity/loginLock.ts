import type { AppContext } from '../../context';
import { ApiError, Code, refuse } from '../../core/errors';
import { formatTime } from '../../core/time';

const DAY_MS = 24 * 3600 * 1000;
export const MAX_WRONG_PASSWORDS = 5;
const WINDOW_MS = DAY_MS;
const LOCK_MS = DAY_MS;

/** A reservation outlives any real comparison (queue + hash): only a crashed process leaves one behind. */
const PENDING_TTL_MS = 5 * 60 * 1000;

const countKey = (account: string) => `pwd-fail:${account}`;
const sinceKey = (account: string) => `pwd-fail-since:${account}`;
const lockKey = (account: string) => `pwd-lock:${account}`;
const pendingKey = (account: string) => `pwd-pending:${account}`;

/** More comparisons in flight than wrong ones still allowed: not a lock, try again in a moment. */
export const attemptsBusyError = (): ApiError => refuse('登录尝试过于频繁，请稍后再试');

export function lockedError(untilMs: number): ApiError {
  return new ApiError(
    Code.LOGIN_LOCKED,
    `密码错误${MAX_WRONG_PASSWORDS}次，密码登录已冻结，解禁时间：${formatTime(Math.ceil(untilMs / 1000))}`,
  );
}

/**
 * Per-account password lockout (catalog decision 5): 5 wrong passwords within 24 h lock password login
 * for 24 h. Only password checks count and are refused; SMS-code login and password reset clear it, so
 * a stranger who knows a mobile number cannot lock its owner out.
 *
 * The deadlines live inside the values and are compared with `app.clock`, so they mean the same on
 * Redis and in process (key TTLs only collect garbage). A comparison is reserved (an atomic increment of
 * the in-flight count) before the hash runs, and admitted only while wrong ones plus those in flight
 * stay within the limit, so parallel guesses cannot slip past it; a right password gives its
 * reservation back, so parallel right ones never count as wrong (issue 9, finding 8).
 */
export class LoginLockService {
  constructor(private readonly app: AppContext) {}

  /** Unix ms when password login unlocks, or null when it is not locked. */
  async lockedUntil(account: string): Promise<number | null> {
    const raw = await this.app.kv.get(lockKey(account));
    const until = raw === null ? 0 : Number(raw);
    return until > this.app.clock.now() ? until : null;
  }

  async assertUnlocked(account: string): Promise<void> {
    const until = await this.lockedUntil(account);
    if (until !== null) throw lockedError(until);
  }

  /**
   * Reserves one password comparison before the (slow) hash runs. Refuses with 607 while locked, and
   * with a plain 503 (no lock) while the comparisons in flight could, if all wrong, reach the limit:
   * the in-flight count is raised before the wrong ones are read, and a wrong one is counted before it
   * leaves the in-flight count, so no interleaving admits more than MAX_WRONG_PASSWORDS unjudged or
   * wrong comparisons.
   */
  async beginAttempt(account: string): Promise<void> {
    await this.assertUnlocked(account);
    const pending = await this.app.kv.incr(pendingKey(account), { ttlMs: PENDING_TTL_MS });
    const wrong = await this.wrongInWindow(account);
    if (wrong + pending <= MAX_WRONG_PASSWORDS) return;
    await this.release(account);
    await this.assertUnlocked(account);
    throw attemptsBusyError();
  }

  /** The reserved comparison was wrong: answers the unlock time when it was the last one allowed. */
  async attemptFailed(account: string): Promise<number | null> {
    const wrong = await this.countInWindow(account);
    await this.release(account);
    return wrong >= MAX_WRONG_PASSWORDS ? this.lockNow(account) : null;
  }

  /** The comparison never happened (the hash was refused or failed): the reservation goes back, nothing counts. */
  async abandonAttempt(account: string): Promise<void> {
    await this.release(account);
  }

  /** The password was right: its reservation goes back and, unless the account got locked meanwhile, the count goes. */
  async attemptSucceeded(account: string): Promise<void> {
    await this.release(account);
    await this.assertUnlocked(account);
    await this.clear(account);
  }

  /** Counts one wrong password outside a reserved attempt; answers the unlock time when it locked. */
  async recordFailure(account: string): Promise<number | null> {
    const wrong = await this.countInWindow(account);
    return wrong >= MAX_WRONG_PASSWORDS ? this.lockNow(account) : null;
  }

  private async release(account: string): Promise<void> {
    // Below zero only when the reservation outlived its key (a stalled process): start the count afresh.
    if ((await this.app.kv.incr(pendingKey(account), { by: -1, ttlMs: PENDING_TTL_MS })) < 0) await this.app.kv.del(pendingKey(account));
  }

  /** Drops the count when its 24-hour window has passed; answers whether it did. */
  private async windowPassed(account: string): Promise<boolean> {
    const { kv, clock } = this.app;
    const since = await kv.get(sinceKey(account));
    if (since === null || clock.now() - Number(since) < WINDOW_MS) return false;
    await kv.del(countKey(account), sinceKey(account));
    return true;
  }

  private async wrongInWindow(account: string): Promise<number> {
    if (await this.windowPassed(account)) return 0;
    return Number((await this.app.kv.get(countKey(account))) ?? 0);
  }

  private async countInWindow(account: string): Promise<number> {
    const { kv, clock } = this.app;
    await this.windowPassed(account);
    await kv.set(sinceKey(account), String(clock.now()), { ttlMs: WINDOW_MS, onlyIfAbsent: true });
    return kv.incr(countKey(account), { ttlMs: WINDOW_MS });
  }

  /** Locks password login (keeping an earlier deadline if parallel failures set one) and restarts the count. */
  private async lockNow(account: string): Promise<number> {
    const { kv, clock } = this.app;
    let until = clock.now() + LOCK_MS;
    if (!(await kv.set(lockKey(account), String(until), { ttlMs: LOCK_MS, onlyIfAbsent: true }))) {
      until = (await this.lockedUntil(account)) ?? until;
    }
    // The next window starts after the lock, from zero.
    await kv.del(countKey(account), sinceKey(account));
    return until;
  }

  /** A correct password, an SMS-code login or a reset: the count and any lock go. */
  async clear(account: string): Promise<void> {
    await this.app.kv.del(countKey(account), sinceKey(account), lockKey(account));
  }
}

export const loginLockService = (app: AppContext): LoginLockService => new LoginLockService(app);
