import { defaults } from './default';
import { overrides as development } from './development';
import { deepMerge, type DeepPartial } from './merge';
import { overrides as production } from './production';
import { configSchema, type AppConfig } from './schema';
import { overrides as test } from './test';

export type { AppConfig } from './schema';

const perEnvironment: Record<string, DeepPartial<AppConfig>> = { development, production, test };

/** Thrown for a setting that cannot work; `main` prints its message as the one line it exits with. */
export class ConfigError extends Error {}

function int(name: string, env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(`config: ${name}=${JSON.stringify(raw)} must be a whole number`);
  return Number(raw);
}

function bool(name: string, env: NodeJS.ProcessEnv): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(`config: ${name}=${JSON.stringify(raw)} must be true or false`);
}

function list(name: string, env: NodeJS.ProcessEnv): string[] | undefined {
  const raw = str(name, env);
  return raw === undefined ? undefined : raw.split(',').map((item) => item.trim());
}

function str(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

function fromEnvironment(env: NodeJS.ProcessEnv): DeepPartial<AppConfig> {
  const dbUrl = str('DATABASE_URL', env);
  return {
    port: int('PORT', env),
    host: str('HOST', env),
    workers: int('WORKERS', env),
    logLevel: str('LOG_LEVEL', env),
    db: {
      client: (str('DB_CLIENT', env) ?? (dbUrl ? 'mysql' : undefined)) as AppConfig['db']['client'] | undefined,
      sqliteFile: str('SQLITE_FILE', env),
      url: dbUrl,
      host: str('DB_HOST', env),
      port: int('DB_PORT', env),
      user: str('DB_USER', env),
      password: env.DB_PASSWORD,
      database: str('DB_NAME', env),
      poolMax: int('DB_POOL_MAX', env),
      connectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', env),
      acquireTimeoutMs: int('DB_ACQUIRE_TIMEOUT_MS', env),
      preparedStatements: int('DB_PREPARED_STATEMENTS', env),
    },
    redis: {
      url: str('REDIS_URL', env),
      keyPrefix: env.REDIS_KEY_PREFIX,
      commandTimeoutMs: int('REDIS_COMMAND_TIMEOUT_MS', env),
      reconnectMaxMs: int('REDIS_RECONNECT_MAX_MS', env),
    },
    http: {
      bodyLimitBytes: int('BODY_LIMIT_BYTES', env),
      uploadLimitBytes: int('UPLOAD_LIMIT_BYTES', env),
      trustProxyHops: int('TRUST_PROXY_HOPS', env),
      healthTimeoutMs: int('HEALTH_TIMEOUT_MS', env),
      shutdownGraceMs: int('SHUTDOWN_GRACE_MS', env),
    },
    protocol: {
      timestampWindowSec: int('TIMESTAMP_WINDOW_SEC', env),
      appidCacheMs: int('APPID_CACHE_MS', env),
      banCacheMs: int('BAN_CACHE_MS', env),
    },
    demo: { seedOnStart: bool('DEMO_SEED', env) },
    serverSecret: str('SERVER_SECRET', env),
    districts: { provinces: list('DISTRICT_PROVINCES', env) },
    captcha: { outboxFile: str('CAPTCHA_OUTBOX', env) },
    sms: {
      driver: str('SMS_DRIVER', env) as AppConfig['sms']['driver'] | undefined,
      outboxFile: str('SMS_OUTBOX', env),
      allowOutboxInProduction: bool('SMS_ALLOW_OUTBOX', env),
      codeTtlSec: int('SMS_CODE_TTL_SEC', env),
      maxVerifyAttempts: int('SMS_MAX_VERIFY_ATTEMPTS', env),
      resendIntervalSec: int('SMS_RESEND_INTERVAL_SEC', env),
      dailyCapPerMobile: int('SMS_DAILY_CAP_PER_MOBILE', env),
      dailyCapPerIp: int('SMS_DAILY_CAP_PER_IP', env),
      tencent: {
        secretId: str('TENCENT_SECRET_ID', env),
        secretKey: str('TENCENT_SECRET_KEY', env),
        sdkAppId: str('TENCENT_SMS_SDK_APP_ID', env),
        signName: str('TENCENT_SMS_SIGN_NAME', env),
        region: str('TENCENT_SMS_REGION', env),
        endpoint: str('TENCENT_SMS_ENDPOINT', env),
      },
    },
    mail: {
      driver: str('MAIL_DRIVER', env) as AppConfig['mail']['driver'] | undefined,
      outboxFile: str('MAIL_OUTBOX', env),
      allowOutboxInProduction: bool('MAIL_ALLOW_OUTBOX', env),
      smtp: {
        host: str('MAIL_SMTP_HOST', env),
        port: int('MAIL_SMTP_PORT', env),
        secure: bool('MAIL_SMTP_SECURE', env),
        user: str('MAIL_SMTP_USER', env),
        password: env.MAIL_SMTP_PASSWORD,
        from: str('MAIL_FROM', env),
      },
    },
    push: {
      driver: str('PUSH_DRIVER', env) as AppConfig['push']['driver'] | undefined,
      outboxFile: str('PUSH_OUTBOX', env),
      syncLimit: int('PUSH_SYNC_LIMIT', env),
      jpush: {
        appKey: str('JPUSH_APP_KEY', env),
        masterSecret: str('JPUSH_MASTER_SECRET', env),
        apiUrl: str('JPUSH_API_URL', env),
        apnsProduction: bool('JPUSH_APNS_PRODUCTION', env),
      },
    },
    abuse: {
      failureThreshold: int('ABUSE_FAILURE_THRESHOLD', env),
      windowSec: int('ABUSE_WINDOW_SEC', env),
      banSec: int('ABUSE_BAN_SEC', env),
    },
    uploads: { dir: str('UPLOAD_DIR', env), baseUrl: str('UPLOAD_BASE_URL', env) },
    jobs: { schedule: bool('JOBS_SCHEDULE', env) },
    paging: { pageSize: int('PAGE_SIZE', env), totalTtlMs: int('PAGE_TOTAL_TTL_MS', env), listTtlMs: int('LIST_CACHE_TTL_MS', env), staleGraceMs: int('CACHE_STALE_GRACE_MS', env) },
    login: {
      perAccountPerMinute: int('LOGIN_LIMIT_PER_ACCOUNT', env),
      perIpPerMinute: int('LOGIN_LIMIT_PER_IP', env),
      hashConcurrency: int('PASSWORD_HASH_CONCURRENCY', env),
      hashQueue: int('PASSWORD_HASH_QUEUE', env),
    },
    rateLimit: { perMinute: int('RATE_LIMIT_PER_MINUTE', env) },
  };
}

/**
 * Defaults, then `config/<NODE_ENV>.ts`, then environment variables; validated as a whole.
 * A bad value throws a ConfigError whose message names the setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, extra?: DeepPartial<AppConfig>): AppConfig {
  const name = env.NODE_ENV || 'development';
  const layered = deepMerge(
    deepMerge(deepMerge({ ...defaults, env: name }, perEnvironment[name]), fromEnvironment(env)),
    extra,
  );
  const { value, error } = configSchema.validate(layered, { abortEarly: true, convert: false });
  if (error) {
    const detail = error.details[0];
    const where = detail.type === 'any.custom' ? '' : detail.path.join('.');
    throw new ConfigError(where ? `config: ${where}: ${detail.message}` : `config: ${detail.message}`);
  }
  return value;
}
