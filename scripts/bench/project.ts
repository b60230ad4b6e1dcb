import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config';
import { createAppContext } from '../../app/bootstrap';
import { createDb } from '../../app/storage/db';
import { appAuthService } from '../../app/platform/gateway/appAuth';
import { userDirectory } from '../../app/platform/identity/users';
import { sessionService } from '../../app/platform/sessions/sessions';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The environment the project server runs under in the benchmark: production settings (info logging,
 * no demo seed), one worker, loopback only. Storage follows the caller's environment: DB_* / DATABASE_URL
 * and REDIS_URL pass through; without DB_CLIENT=mysql the database is a SQLite file in the temp dir.
 * Redis keys get a prefix of their own so the run can remove exactly what it wrote. `overrides` come last
 * (a data set's database and key prefix, a worker count).
 */
export function projectEnv(tmpDir: string, port: number, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DEMO_SEED: 'false',
    // Production logs every call; BENCH_LOG_LEVEL=warn measures the pipeline without its log line.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    SMS_ALLOW_OUTBOX: 'true',
    SMS_OUTBOX: path.join(tmpDir, 'sms-outbox.jsonl'),
    MAIL_ALLOW_OUTBOX: 'true',
    MAIL_OUTBOX: path.join(tmpDir, 'mail-outbox.jsonl'),
    SERVER_SECRET: crypto.randomBytes(32).toString('hex'),
    UPLOAD_DIR: path.join(tmpDir, 'uploads'),
    UPLOAD_BASE_URL: 'https://bench.example.com',
    // Counted as in production (one KV increment per signed call) but never reached by the load.
    RATE_LIMIT_PER_MINUTE: '1000000000',
    // Likewise the IP ban for bad signatures (variant c sends nothing else): counted, never reached.
    ABUSE_FAILURE_THRESHOLD: '1000000000',
    WORKERS: '1',
    HOST: '127.0.0.1',
    PORT: String(port),
    REDIS_KEY_PREFIX: `bench:${process.pid}:`,
    ...overrides,
  };
  const mysql = env.DB_CLIENT === 'mysql' || (!env.DB_CLIENT && env.DATABASE_URL);
  if (!mysql) {
    env.DB_CLIENT = 'sqlite';
    env.SQLITE_FILE = path.join(tmpDir, 'bench.sqlite');
  }
  return env;
}

/** `node --import tsx app/main.ts`, or the compiled server when BENCH_DIST=1 and `npm run build` ran. */
export function projectCommand(): string[] {
  if (process.env.BENCH_DIST === '1') {
    const main = path.join(ROOT, 'dist', 'app', 'main.js');
    if (!fs.existsSync(main)) throw new Error(`BENCH_DIST=1 but ${path.relative(ROOT, main)} is missing: run npm run build first`);
    return [main];
  }
  return ['--import', 'tsx', path.join(ROOT, 'app', 'main.ts')];
}

/** Migrates the configured database and creates an `app` appid for the run with the project's own service. */
export async function createBenchAppid(config: AppConfig): Promise<{ appid: string; secret: string }> {
  const app = await createAppContext(config);
  try {
    const row = await app.use(appAuthService).create({ apiType: 'app', name: `bench ${new Date().toISOString()}` });
    return { appid: row.appid, secret: row.secret };
  } finally {
    await app.close();
  }
}

/**
 * Session tokens of the members with these mobiles for the `app` product, issued by the project's own
 * session service into the configured KV store, where the server under test looks them up.
 */
export async function issueBenchTokens(config: AppConfig, mobiles: string[]): Promise<Array<{ token: string; userId: number }>> {
  const app = await createAppContext(config, { migrate: false });
  try {
    const sessions = [];
    for (const mobile of mobiles) {
      const user = await app.use(userDirectory).byMobile(mobile);
      if (!user) throw new Error(`bench: no member ${mobile} in ${config.db.database ?? 'the database'}`);
      sessions.push({ token: await app.use(sessionService).issue(user.id, 1, 'app'), userId: user.id });
    }
    return sessions;
  } finally {
    await app.close();
  }
}

/** Removes what the run left in shared storage: its appid row, and its Redis keys. */
export async function cleanUpStorage(config: AppConfig, appid: string | undefined): Promise<void> {
  if (config.db.client === 'mysql' && appid) {
    // A bare connection: no read cache to tell, the run's KV keys go next.
    const db = createDb(config.db);
    try {
      await db('api_auth').where({ appid }).delete();
    } finally {
      await db.destroy();
    }
  }
  if (config.redis.url) {
    const redis = new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.keyPrefix}*`, 'COUNT', 5000);
        if (keys.length) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
