import type { Clock } from '../../core/clock';
import { MemoryKvStore } from './memory';
import { RedisKvStore, type RedisTimeouts } from './redis';
import type { KvStore } from './types';

export type { KvStore } from './types';

/** Redis when a URL is configured, else the in-process store. */
export function createKvStore(options: { redisUrl?: string; keyPrefix: string; clock: Clock; timeouts?: RedisTimeouts }): KvStore {
  return options.redisUrl ? new RedisKvStore(options.redisUrl, options.keyPrefix, options.timeouts) : new MemoryKvStore(options.clock);
}
