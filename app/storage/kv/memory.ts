import { systemClock, type Clock } from '../../core/clock';
import type { KvStore } from './types';

interface Entry {
  value: string;
  expiresAt: number; // ms epoch; Infinity = never
}

/**
 * The embedded default: a Map inside this process. Correct for one process only, which is why the
 * server refuses to start several workers without Redis.
 */
export class MemoryKvStore implements KvStore {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly clock: Clock = systemClock, sweepEveryMs = 30_000) {
    // Expired keys are also dropped on read; the sweep bounds memory for keys nobody reads again.
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs);
    this.sweeper.unref();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private expiry(ttlMs?: number): number {
    return ttlMs !== undefined && ttlMs > 0 ? this.clock.now() + ttlMs : Infinity;
  }

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  async getMany(keys: string[]): Promise<Array<string | null>> {
    return keys.map((key) => this.live(key)?.value ?? null);
  }

  async set(key: string, value: string, options: { ttlMs?: number; onlyIfAbsent?: boolean } = {}): Promise<boolean> {
    if (options.onlyIfAbsent && this.live(key)) return false;
    this.entries.set(key, { value, expiresAt: this.expiry(options.ttlMs) });
    return true;
  }

  async incr(key: string, options: { ttlMs?: number; by?: number } = {}): Promise<number> {
    const entry = this.live(key);
    const by = options.by ?? 1;
    if (!entry) {
      this.entries.set(key, { value: String(by), expiresAt: this.expiry(options.ttlMs) });
      return by;
    }
    const current = Number(entry.value);
    if (!Number.isInteger(current)) throw new Error('ERR value is not an integer or out of range');
    entry.value = String(current + by);
    return current + by;
  }

  async expire(key: string, ttlMs: number): Promise<boolean> {
    const entry = this.live(key);
    if (!entry) return false;
    entry.expiresAt = this.expiry(ttlMs);
    return true;
  }

  async del(...keys: string[]): Promise<number> {
    let removed = 0;
    for (const key of keys) if (this.live(key) && this.entries.delete(key)) removed++;
    return removed;
  }

  async ttl(key: string): Promise<number> {
    const entry = this.live(key);
    if (!entry) return -2;
    return entry.expiresAt === Infinity ? -1 : entry.expiresAt - this.clock.now();
  }

  async delIfValue(key: string, value: string): Promise<boolean> {
    if (this.live(key)?.value !== value) return false;
    return this.entries.delete(key);
  }

  async expireIfValue(key: string, value: string, ttlMs: number): Promise<boolean> {
    const entry = this.live(key);
    if (entry?.value !== value) return false;
    entry.expiresAt = this.expiry(ttlMs);
    return true;
  }

  async take(key: string): Promise<string | null> {
    const entry = this.live(key);
    if (!entry) return null;
    this.entries.delete(key);
    return entry.value;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.entries.clear();
  }
}
