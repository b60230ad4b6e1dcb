import type { AppContext } from '../../context';
import { ApiError } from '../../core/errors';
import { ipBanList } from './ipBans';

export type AbuseKind = 'login' | 'register' | 'sms' | 'pwd_find' | 'signature';

const FLUSH_EVERY_MS = 1_000;
/** Addresses with bad signatures held in process before a flush is forced (bounds memory under a spray). */
const MAX_PENDING_ADDRESSES = 10_000;

/**
 * Failures (unknown account, wrong code, wrong password, bad signature…) counted per client IP in fixed
 * windows of `abuse.windowSec` aligned on the app clock (the window is part of the key, so the clock
 * decides when a window ends whatever store holds the counter); reaching `abuse.failureThreshold` bans
 * that IP for `abuse.banSec` (510 at step 6). Only the offending address is affected: there is no global
 * lock (the anchor's bug).
 */
export class AbuseGuard {
  /** Bad signatures per IP seen by this process since its last flush. */
  private readonly pendingSignatures = new Map<string, number>();
  private flushing: Promise<void> | null = null;

  constructor(private readonly app: AppContext) {
    app.flushEvery(FLUSH_EVERY_MS, () => this.flushSignatures());
  }

  private counterKey(ip: string): string {
    return `abuse:${ip}:${Math.floor(this.app.clock.now() / (this.app.config.abuse.windowSec * 1000))}`;
  }

  /** Failures counted for this IP in the current window (shared count; unflushed bad signatures not included). */
  async failures(ip: string): Promise<number> {
    return Number((await this.app.kv.get(this.counterKey(ip))) ?? 0);
  }

  recordFailure(ip: string, kind: AbuseKind): Promise<void> {
    return this.count(ip, kind, 1);
  }

  /** A credential step whose refusal (an ApiError) also counts against the caller's IP (the 510 ban). */
  async counted<T>(ip: string, kind: AbuseKind, step: Promise<T>): Promise<T> {
    try {
      return await step;
    } catch (err) {
      if (err instanceof ApiError) await this.recordFailure(ip, kind);
      throw err;
    }
  }

  /**
   * A call whose signature did not verify. The refusal path is the cheapest an attacker can drive, so it
   * does no I/O: bad signatures are counted in process and added to the shared count once a second (as
   * the rate limiter does), or at once when this process alone has seen enough to ban. Answers the flush
   * it started, if it did (the caller need not wait for it).
   */
  recordBadSignature(ip: string): Promise<void> | undefined {
    const seen = (this.pendingSignatures.get(ip) ?? 0) + 1;
    this.pendingSignatures.set(ip, seen);
    if (seen < this.app.config.abuse.failureThreshold && this.pendingSignatures.size < MAX_PENDING_ADDRESSES) return undefined;
    return this.flushSignatures();
  }

  /** Adds the bad signatures counted here to the shared counts, banning where they reach the threshold. */
  flushSignatures(): Promise<void> {
    if (!this.flushing) this.flushing = this.flushOnce().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    if (this.pendingSignatures.size === 0) return;
    const batch = [...this.pendingSignatures];
    this.pendingSignatures.clear();
    for (const [ip, seen] of batch) {
      try {
        await this.count(ip, 'signature', seen);
      } catch (err) {
        // The store is away: these counts are lost, as a failed login's would be; the next ones count again.
        this.app.logger.warn({ ip, err: (err as Error).message }, 'bad signature count not recorded');
      }
    }
  }

  private async count(ip: string, kind: AbuseKind, by: number): Promise<void> {
    const { failureThreshold, windowSec, banSec } = this.app.config.abuse;
    const counter = this.counterKey(ip);
    const failures = await this.app.kv.incr(counter, { by, ttlMs: windowSec * 1000 });
    if (failures < failureThreshold) return;
    // Start counting afresh, so that the failures behind this ban do not trigger another once it ends.
    await this.app.kv.del(counter);
    this.app.logger.warn({ ip, kind, failures }, 'banning ip after repeated failures');
    await this.app.use(ipBanList).ban(ip, banSec, `${failures} failures (last: ${kind}) within ${windowSec}s`);
  }
}

export const abuseGuard = (app: AppContext): AbuseGuard => new AbuseGuard(app);
