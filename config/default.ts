import type { AppConfig } from './schema';

/** Values every environment starts from; `<env>.ts` overrides them, environment variables come last. */
export const defaults: AppConfig = {
  env: 'development',
  port: 8080,
  host: '0.0.0.0',
  workers: 1,
  logLevel: 'info',
  db: {
    client: 'sqlite',
    sqliteFile: 'data/yaf.sqlite',
    host: '127.0.0.1',
    port: 3306,
    user: 'root',
    password: '',
    database: 'yaf',
    poolMax: 10,
    connectTimeoutMs: 1_000,
    acquireTimeoutMs: 5_000,
    preparedStatements: 100,
  },
  redis: { keyPrefix: 'yaf:', commandTimeoutMs: 1_000, reconnectMaxMs: 500 },
  http: {
    bodyLimitBytes: 1024 * 1024,
    uploadLimitBytes: 5 * 1024 * 1024,
    trustProxyHops: 0,
    healthTimeoutMs: 1_000,
    shutdownGraceMs: 10_000,
  },
  protocol: {
    timestampWindowSec: 600,
    appidCacheMs: 10_000,
    banCacheMs: 5_000,
  },
  demo: { seedOnStart: true },
  serverSecret: '',
  districts: { provinces: [] },
  captcha: { outboxFile: 'data/captcha-outbox.jsonl' },
  sms: {
    driver: 'outbox',
    outboxFile: 'data/sms-outbox.jsonl',
    allowOutboxInProduction: false,
    codeTtlSec: 600,
    maxVerifyAttempts: 5,
    resendIntervalSec: 60,
    dailyCapPerMobile: 10,
    dailyCapPerIp: 50,
    tencent: { secretId: '', secretKey: '', sdkAppId: '', signName: '', region: 'ap-guangzhou', endpoint: 'sms.tencentcloudapi.com' },
  },
  mail: {
    driver: 'outbox',
    outboxFile: 'data/mail-outbox.jsonl',
    allowOutboxInProduction: false,
    smtp: { host: '', port: 465, secure: true, user: '', password: '', from: '' },
  },
  push: {
    driver: 'outbox',
    outboxFile: 'data/push-outbox.jsonl',
    syncLimit: 5_000,
    jpush: { appKey: '', masterSecret: '', apiUrl: 'https://api.jpush.cn/v3/push', apnsProduction: false },
  },
  abuse: { failureThreshold: 30, windowSec: 3600, banSec: 3600 },
  uploads: { dir: 'data/uploads', baseUrl: 'http://127.0.0.1:8080', reservationTtlSec: 3600, maxPendingReservations: 20 },
  jobs: { schedule: true, tickMs: 1_000 },
  // Totals and public lists cached in the KV store: any write to a table they read ends them at once, the
  // TTL only bounds memory and time-dependent answers. For a grace as long again as the TTL an expired
  // entry is still answered while one background refresh recomputes it, so a 1M-row COUNT never makes
  // callers wait just because 10 s went by; answers that slide with time are then up to 20 s late.
  paging: { pageSize: 20, totalTtlMs: 10_000, listTtlMs: 10_000, staleGraceMs: 10_000 },
  // A person needs a few logins a minute; one NAT address many. Two scrypt hashes at a time keep a core
  // free for everything else on the 2-core reference machine; 32 waiting is ~1.5 s of work.
  login: { perAccountPerMinute: 10, perIpPerMinute: 60, hashConcurrency: 2, hashQueue: 32 },
  // Generous: many phones share one carrier NAT address. Server-to-server appids may need more.
  rateLimit: { perMinute: 3000 },
};
