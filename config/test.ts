import type { DeepPartial } from './merge';
import type { AppConfig } from './schema';

export const overrides: DeepPartial<AppConfig> = {
  logLevel: 'silent',
  port: 0,
  host: '127.0.0.1',
  db: { sqliteFile: ':memory:' },
  protocol: { appidCacheMs: 1_000, banCacheMs: 0 },
  demo: { seedOnStart: false },
  // Each test file gets a fresh database: 3 provinces (~2,800 rows) instead of 44,700 keep that quick.
  // The whole tree has its own test (test/platform/reference/districts.test.ts).
  districts: { provinces: ['11', '31', '44'] },
  // Suites drive many calls from 127.0.0.1 through one appid; the limit has its own test.
  rateLimit: { perMinute: 0 },
  // Tests tick the scheduler themselves (after moving the manual clock); a real timer would race them.
  jobs: { schedule: false },
  // Likewise for logins; test/platform/identity/loginLimits.test.ts sets them.
  login: { perAccountPerMinute: 0, perIpPerMinute: 0 },
};
