import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config';
import { createAppContext } from '../../app/bootstrap';
import { appAuthService } from '../../app/platform/gateway/appAuth';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The environment the project server runs under in the benchmark: production settings (info logging,
 * no demo seed), one worker, loopback only. Storage follows the caller's environment: DB_* / DATABASE_URL
 * and REDIS_URL pass through; without DB_CLIENT=mysql the database is a SQLite file in the temp dir.
 * Redis keys get a prefix of their own so the run can remove exactly what it wrote.
 */
export function projectEnv(tmpDir: string, port: number): NodeJS.ProcessEnv {
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
    WORKERS: '1',
    HOST: '127.0.0.1',
    PORT: String(port),
    REDIS_KEY_PREFIX: `bench:${process.pid}:`,
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

/** Removes what the run left in shared storage: its appid row, and its Redis keys. */
export async function cleanUpStorage(config: AppConfig, appid: string | undefined): Promise<void> {
  if (config.db.client === 'mysql' && appid) {
    const app = await createAppContext(config, { migrate: false });
    try {
      await app.db('api_auth').where({ appid }).delete();
    } finally {
      await app.close();
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
