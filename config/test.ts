import type { DeepPartial } from './merge';
import type { AppConfig } from './schema';

export const overrides: DeepPartial<AppConfig> = {
  logLevel: 'silent',
  port: 0,
  host: '127.0.0.1',
  db: { sqliteFile: ':memory:' },
  protocol: { appidCacheMs: 1_000, banCacheMs: 0 },
  demo: { seedOnStart: false },
  // Suites drive many calls from 127.0.0.1 through one appid; the limit has its own test.
  rateLimit: { perMinute: 0 },
};
