import { Redis } from 'ioredis';
import type { KvStore } from './types';

// INCR and the first-time PEXPIRE in one round trip and atomically, so a crash between them cannot
// leave a counter that never expires.
const INCR_WITH_TTL = `
local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if v == tonumber(ARGV[1]) and tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v`;

// GETDEL exists only from Redis 6.2; the script works everywhere.
const TAKE = `
local v = redis.call('GET', KEYS[1])
if v then redis.call('DEL', KEYS[1]) end
return v`;

// Compare-and-delete / compare-and-expire: the check and the change in one step, so a lease that
// expired and was taken by another process in between is never touched.
const DEL_IF_VALUE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const EXPIRE_IF_VALUE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

type ScriptedRedis = Redis & {
  delIfValue(key: string, value: string): Promise<number>;
  expireIfValue(key: string, value: string, ttlMs: number): Promise<number>;
  incrWithTtl(key: string, by: number, ttlMs: number): Promise<number>;
  take(key: string): Promise<string | null>;
};

/** How long a caller may wait on Redis; `config.redis` carries the configured values. */
export interface RedisTimeouts {
  /** A command not answered within this fails (a hung or unreachable Redis). */
  commandTimeoutMs: number;
  /** The longest pause between reconnection attempts, so a returning Redis is used again within it. */
  reconnectMaxMs: number;
  /** Told when the connection is lost and when it is back (the store reconnects by itself). */
  onConnectionChange?: (up: boolean, err?: Error) => void;
}

export const DEFAULT_REDIS_TIMEOUTS: RedisTimeouts = { commandTimeoutMs: 1_000, reconnectMaxMs: 500 };

export class RedisKvStore implements KvStore {
  readonly kind = 'redis' as const;
  private readonly redis: ScriptedRedis;

  constructor(url: string, keyPrefix: string, timeouts: RedisTimeouts = DEFAULT_REDIS_TIMEOUTS) {
    const redis = new Redis(url, {
      keyPrefix,
      enableAutoPipelining: true,
      commandTimeout: timeouts.commandTimeoutMs,
      connectTimeout: Math.max(timeouts.commandTimeoutMs, 1_000),
      // A command in flight when the connection drops may or may not have run: fail it rather than send
      // an INCRBY twice after the reconnect.
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 50, timeouts.reconnectMaxMs),
      // Commands sent before the first connection wait for it (within the command timeout); once connected,
      // a Redis that goes away makes every command fail at once (the call answers 500) instead of queueing
      // while the client reconnects in the background.
      enableOfflineQueue: true,
      lazyConnect: false,
    });
    let down = false;
    redis.on('ready', () => {
      redis.options.enableOfflineQueue = false;
      if (down) timeouts.onConnectionChange?.(true);
      down = false;
    });
    // Without a listener ioredis prints every failed reconnection attempt; one report per outage is enough.
    redis.on('error', (err: Error) => {
      if (!down) timeouts.onConnectionChange?.(false, err);
      down = true;
    });
    redis.defineCommand('incrWithTtl', { numberOfKeys: 1, lua: INCR_WITH_TTL });
    redis.defineCommand('take', { numberOfKeys: 1, lua: TAKE });
    redis.defineCommand('delIfValue', { numberOfKeys: 1, lua: DEL_IF_VALUE });
    redis.defineCommand('expireIfValue', { numberOfKeys: 1, lua: EXPIRE_IF_VALUE });
    this.redis = redis as ScriptedRedis;
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(key);
  }

  async getMany(keys: string[]): Promise<Array<string | null>> {
    return keys.length ? this.redis.mget(...keys) : [];
  }

  async set(key: string, value: string, options: { ttlMs?: number; onlyIfAbsent?: boolean } = {}): Promise<boolean> {
    const { ttlMs, onlyIfAbsent } = options;
    let reply: string | null;
    if (ttlMs && ttlMs > 0) {
      reply = onlyIfAbsent ? await this.redis.set(key, value, 'PX', ttlMs, 'NX') : await this.redis.set(key, value, 'PX', ttlMs);
    } else {
      reply = onlyIfAbsent ? await this.redis.set(key, value, 'NX') : await this.redis.set(key, value);
    }
    return reply === 'OK';
  }

  async incr(key: string, options: { ttlMs?: number; by?: number } = {}): Promise<number> {
    const by = options.by ?? 1;
    // A plain INCRBY is much cheaper than a script call; the script is only needed to set a TTL atomically.
    if (!options.ttlMs) return this.redis.incrby(key, by);
    return Number(await this.redis.incrWithTtl(key, by, options.ttlMs));
  }

  async expire(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.pexpire(key, ttlMs)) === 1;
  }

  async del(...keys: string[]): Promise<number> {
    return keys.length ? this.redis.del(...keys) : 0;
  }

  async ttl(key: string): Promise<number> {
    return this.redis.pttl(key);
  }

  async delIfValue(key: string, value: string): Promise<boolean> {
    return (await this.redis.delIfValue(key, value)) === 1;
  }

  async expireIfValue(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.expireIfValue(key, value, ttlMs)) === 1;
  }

  async take(key: string): Promise<string | null> {
    return this.redis.take(key);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
