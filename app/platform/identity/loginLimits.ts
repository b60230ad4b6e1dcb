import type { AppContext } from '../../context';
import { refuse } from '../../core/errors';

const MINUTE_MS = 60_000;

/**
 * Logins per client IP and per account in fixed one-minute windows of `app.clock` (`login.*` config;
 * 0 = unlimited), counted in the KV store so every process shares them. Unlike the abuse guard these
 * count right passwords too: each login costs a scrypt hash, and a flood of correct logins (one IP
 * sustained ~20/s) is as costly as a flood of wrong ones. Counted before the hash runs, so a parallel
 * burst is cut off at the limit, not after it.
 */
export class LoginLimiter {
  constructor(private readonly app: AppContext) {}

  /** Counts a login from `ip`; past the limit, 503 with the wait. */
  admitIp(ip: string): Promise<void> {
    return this.admit(`login-ip:${ip}`, this.app.config.login.perIpPerMinute);
  }

  /** Counts a login of `account` (from anywhere); past the limit, 503 with the wait. */
  admitAccount(account: string): Promise<void> {
    return this.admit(`login-acct:${account}`, this.app.config.login.perAccountPerMinute);
  }

  private async admit(key: string, limit: number): Promise<void> {
    if (limit <= 0) return;
    const now = this.app.clock.now();
    const window = Math.floor(now / MINUTE_MS);
    const count = await this.app.kv.incr(`${key}:${window}`, { ttlMs: 2 * MINUTE_MS });
    if (count > limit) throw refuse(`登录过于频繁，请${Math.ceil(((window + 1) * MINUTE_MS - now) / 1000)}秒后再试`);
  }
}

export const loginLimiter = (app: AppContext): LoginLimiter => new LoginLimiter(app);
