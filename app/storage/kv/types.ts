/**
 * The key-value operations the services need, nothing more, so that Redis and the in-process store
 * can both honour every one of them exactly (one contract suite tests both: test/storage/kv.test.ts).
 * Keys are given without the store's prefix; TTLs are in milliseconds.
 */
export interface KvStore {
  get(key: string): Promise<string | null>;
  /** Several keys in one round trip, answered in the order asked (null for each missing one). */
  getMany(keys: string[]): Promise<Array<string | null>>;
  /** Sets `key`; with `onlyIfAbsent` it only writes a missing key and answers whether it wrote. */
  set(key: string, value: string, options?: { ttlMs?: number; onlyIfAbsent?: boolean }): Promise<boolean>;
  /** Atomic +1 (or +by); `ttlMs` is applied only when the increment created the key (a fixed window). */
  incr(key: string, options?: { ttlMs?: number; by?: number }): Promise<number>;
  /** Answers whether the key existed. */
  expire(key: string, ttlMs: number): Promise<boolean>;
  /** Answers how many of the keys existed. */
  del(...keys: string[]): Promise<number>;
  /** Remaining life in ms: -1 for no expiry, -2 for a missing key. */
  ttl(key: string): Promise<number>;
  /** Deletes `key` only while it holds `value` (atomic): a lease is released by its holder, never by a successor. */
  delIfValue(key: string, value: string): Promise<boolean>;
  /** Sets a new TTL only while `key` holds `value` (atomic): a holder extends its own lease, not another's. */
  expireIfValue(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Atomic read-and-delete: a single-use value can be taken by one caller only. */
  take(key: string): Promise<string | null>;
  /** Whether the store answers (health check). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  readonly kind: 'redis' | 'memory';
}
