import type { AppContext } from '../../context';
import { ipBanList } from './ipBans';

export type AbuseKind = 'login' | 'register' | 'sms' | 'pwd_find';

/**
 * Failures (unknown account, wrong code, wrong password…) counted per client IP in fixed windows of
 * `abuse.windowSec` aligned on the app clock (the window is part of the key, so the clock decides when a
 * window ends whatever store holds the counter); reaching `abuse.failureThreshold` bans that IP for `abuse.banSec` (510 at step 6).
 * Only the offending address is affected: there is no global lock (the anchor's bug).
 */
export class AbuseGuard {
  constructor(private readonly app: AppContext) {}

  private counterKey(ip: string): string {
    return `abuse:${ip}:${Math.floor(this.app.clock.now() / (this.app.config.abuse.windowSec * 1000))}`;
  }

  /** Failures counted for this IP in the current window. */
  async failures(ip: string): Promise<number> {
    return Number((await this.app.kv.get(this.counterKey(ip))) ?? 0);
  }

  async recordFailure(ip: string, kind: AbuseKind): Promise<void> {
    const { failureThreshold, windowSec, banSec } = this.app.config.abuse;
    const counter = this.counterKey(ip);
    const failures = await this.app.kv.incr(counter, { ttlMs: windowSec * 1000 });
    if (failures < failureThreshold) return;
    // Start counting afresh, so that the failures behind this ban do not trigger another once it ends.
    await this.app.kv.del(counter);
    this.app.logger.warn({ ip, kind, failures }, 'banning ip after repeated failures');
    await this.app.use(ipBanList).ban(ip, banSec, `${failures} failures (last: ${kind}) within ${windowSec}s`);
  }
}

export const abuseGuard = (app: AppContext): AbuseGuard => new AbuseGuard(app);
