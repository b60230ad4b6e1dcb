import type { AppContext } from '../../context';
import { ApiError, Code } from '../../core/errors';
import { formatTime } from '../../core/time';

const DAY_MS = 24 * 3600 * 1000;
export const MAX_WRONG_PASSWORDS = 5;
const WINDOW_MS = DAY_MS;
const LOCK_MS = DAY_MS;

const countKey = (mobile: string) => `pwd-fail:${mobile}`;
const sinceKey = (mobile: string) => `pwd-fail-since:${mobile}`;
const lockKey = (mobile: string) => `pwd-lock:${mobile}`;

export function lockedError(untilMs: number): ApiError {
  return new ApiError(
    Code.LOGIN_LOCKED,
    `密码错误${MAX_WRONG_PASSWORDS}次，密码登录已冻结，解禁时间：${formatTime(Math.ceil(untilMs / 1000))}`,
  );
}

/**
 * Per-mobile password lockout (catalog decision 5): 5 wrong passwords within 24 h lock password login
 * for 24 h. Only password checks count and are refused; SMS-code login and password reset clear it, so
 * a stranger who knows a mobile number cannot lock its owner out.
 *
 * The deadlines live inside the values and are compared with `app.clock`, so they mean the same on
 * Redis and in process (key TTLs only collect garbage). Each comparison is counted (an atomic
 * increment) before the hash runs, so parallel guesses cannot slip past the limit.
 */
export class LoginLockService {
  constructor(private readonly app: AppContext) {}

  /** Unix ms when password login unlocks, or null when it is not locked. */
  async lockedUntil(mobile: string): Promise<number | null> {
    const raw = await this.app.kv.get(lockKey(mobile));
    const until = raw === null ? 0 : Number(raw);
    return until > this.app.clock.now() ? until : null;
  }

  async assertUnlocked(mobile: string): Promise<void> {
    const until = await this.lockedUntil(mobile);
    if (until !== null) throw lockedError(until);
  }

  /**
   * Reserves one password comparison before the (slow) hash runs, and answers its number in the window.
   * Refuses (607) while locked and beyond the limit: a burst of parallel guesses gets at most
   * MAX_WRONG_PASSWORDS comparisons, because each is counted before any of them is judged.
   */
  async beginAttempt(mobile: string): Promise<number> {
    await this.assertUnlocked(mobile);
    const attempt = await this.countInWindow(mobile);
    if (attempt > MAX_WRONG_PASSWORDS) throw lockedError(await this.lockNow(mobile));
    return attempt;
  }

  /** The reserved comparison was wrong: answers the unlock time when it was the last one allowed. */
  async attemptFailed(mobile: string, attempt: number): Promise<number | null> {
    return attempt >= MAX_WRONG_PASSWORDS ? this.lockNow(mobile) : null;
  }

  /** The password was right; unless guesses racing it locked the account meanwhile, the count goes. */
  async attemptSucceeded(mobile: string): Promise<void> {
    await this.assertUnlocked(mobile);
    await this.clear(mobile);
  }

  /** Counts one wrong password outside a reserved attempt; answers the unlock time when it locked. */
  async recordFailure(mobile: string): Promise<number | null> {
    return this.attemptFailed(mobile, await this.countInWindow(mobile));
  }

  private async countInWindow(mobile: string): Promise<number> {
    const { kv, clock } = this.app;
    const now = clock.now();
    const since = await kv.get(sinceKey(mobile));
    if (since !== null && now - Number(since) >= WINDOW_MS) await kv.del(countKey(mobile), sinceKey(mobile));
    await kv.set(sinceKey(mobile), String(now), { ttlMs: WINDOW_MS, onlyIfAbsent: true });
    return kv.incr(countKey(mobile), { ttlMs: WINDOW_MS });
  }

  /** Locks password login (keeping an earlier deadline if parallel failures set one) and restarts the count. */
  private async lockNow(mobile: string): Promise<number> {
    const { kv, clock } = this.app;
    let until = clock.now() + LOCK_MS;
    if (!(await kv.set(lockKey(mobile), String(until), { ttlMs: LOCK_MS, onlyIfAbsent: true }))) {
      until = (await this.lockedUntil(mobile)) ?? until;
    }
    // The next window starts after the lock, from zero.
    await kv.del(countKey(mobile), sinceKey(mobile));
    return until;
  }

  /** A correct password, an SMS-code login or a reset: the count and any lock go. */
  async clear(mobile: string): Promise<void> {
    await this.app.kv.del(countKey(mobile), sinceKey(mobile), lockKey(mobile));
  }
}

export const loginLockService = (app: AppContext): LoginLockService => new LoginLockService(app);
