import type { AppContext } from '../context';
import { ApiError, Code } from '../core/errors';
import { formatTime } from '../core/time';

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
 * Redis and in process (key TTLs only collect garbage). The count itself is an atomic increment, so
 * parallel guesses cannot slip past the limit.
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

  /** Counts one wrong password; answers the unlock time when this one locked the account. */
  async recordFailure(mobile: string): Promise<number | null> {
    const { kv, clock } = this.app;
    const now = clock.now();
    const since = await kv.get(sinceKey(mobile));
    if (since !== null && now - Number(since) >= WINDOW_MS) await kv.del(countKey(mobile), sinceKey(mobile));
    await kv.set(sinceKey(mobile), String(now), { ttlMs: WINDOW_MS, onlyIfAbsent: true });
    const count = await kv.incr(countKey(mobile), { ttlMs: WINDOW_MS });
    if (count < MAX_WRONG_PASSWORDS) return null;
    const until = now + LOCK_MS;
    await kv.set(lockKey(mobile), String(until), { ttlMs: LOCK_MS });
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
