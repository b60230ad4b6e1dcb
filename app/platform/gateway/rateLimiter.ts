import type { AppContext } from '../../context';

interface Bucket {
  minute: number;
  /** Calls counted here and not yet added to the shared counter. */
  pending: number;
  /** The shared counter (all processes) as of this process's last flush. */
  shared: number;
}

const FLUSH_EVERY_MS = 1_000;
const MAX_BUCKETS = 100_000;

/**
 * Signed calls per appid and client IP per fixed minute (`rateLimit.perMinute`), shared by every process
 * through the KV store. Each process counts in memory and adds its counts to the shared per-minute counter
 * once a second, reading the total back; a call is refused when the shared total plus this process's
 * unflushed count passes the limit. The hot path therefore does no I/O (a KV command per call measured
 * ~10 µs and ~7 ms of p99 on a write), and another process's calls are seen within a second.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private flushing: Promise<void> | null = null;

  constructor(private readonly app: AppContext) {
    app.flushEvery(FLUSH_EVERY_MS, () => this.flush());
  }

  /** Counts one call; answers 0 when within the limit, else the seconds until the minute ends. */
  hit(appid: string, ip: string): number {
    const limit = this.app.config.rateLimit.perMinute;
    if (limit === 0) return 0;
    const now = this.app.clock.now();
    const minute = Math.floor(now / 60_000);
    const key = `${appid}:${ip}`;
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.minute !== minute) {
      if (!bucket && this.buckets.size >= MAX_BUCKETS) void this.flush();
      bucket = { minute, pending: 0, shared: 0 };
      this.buckets.set(key, bucket);
    }
    bucket.pending++;
    return bucket.shared + bucket.pending > limit ? Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000)) : 0;
  }

  /** Adds this process's counts to the shared counters and reads the totals back; drops past minutes. */
  flush(): Promise<void> {
    if (!this.flushing) this.flushing = this.flushOnce().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    const currentMinute = Math.floor(this.app.clock.now() / 60_000);
    for (const [key, bucket] of this.buckets) {
      const counted = bucket.pending;
      if (counted > 0) {
        try {
          const sharedKey = `rate:${key}:${bucket.minute}`;
          const total = await this.app.kv.incr(sharedKey, { by: counted });
          // The key is per minute: its TTL only collects garbage, so it is set once, by whoever created it.
          if (total === counted) await this.app.kv.expire(sharedKey, 61_000);
          bucket.pending -= counted;
          bucket.shared = total;
        } catch (err) {
          // The store is away: keep counting locally and try again next second.
          this.app.logger.warn({ err: (err as Error).message }, 'rate limit flush failed');
          return;
        }
      }
      if (bucket.minute < currentMinute && bucket.pending === 0) this.buckets.delete(key);
    }
  }
}

export const rateLimiter = (app: AppContext): RateLimiter => new RateLimiter(app);
