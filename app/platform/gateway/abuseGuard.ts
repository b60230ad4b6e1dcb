import type { AppContext } from '../../context';
import { ipBanList } from './ipBans';

export type AbuseKind = 'login' | 'register' | 'sms' | 'pwd_find';

/**
 * Failures (unknown account, wrong code, wrong password…) counted per client IP in a fixed window of
 * `abuse.windowSec`; reaching `abuse.failureThreshold` bans that IP for `abuse.banSec` (510 at step 6).
 * Only the offending address is affected: there is no global lock (the anchor's bug).
 */
export class AbuseGuard {
  constructor(private readonly app: AppContext) {}

  async recordFailure(ip: string, kind: AbuseKind): Promise<void> {
    const { failureThreshold, windowSec, banSec } = this.app.config.abuse;
    const counter = `abuse:${ip}`;
    const failures = await this.app.kv.incr(counter, { ttlMs: windowSec * 1000 });
    if (failures < failureThreshold) return;
    // Start counting afresh, so that the failures behind this ban do not trigger another once it ends.
    await this.app.kv.del(counter);
    this.app.logger.warn({ ip, kind, failures }, 'banning ip after repeated failures');
    await this.app.use(ipBanList).ban(ip, banSec, `${failures} failures (last: ${kind}) within ${windowSec}s`);
  }
}

export const abuseGuard = (app: AppContext): AbuseGuard => new AbuseGuard(app);
