import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { loadConfig, type AppConfig } from '../../config';
import { deepMerge, type DeepPartial } from '../../config/merge';
import { createAppContext, startServer, type Runtime } from '../../app/bootstrap';
import { ManualClock } from '../../app/core/clock';
import { createLogger, type Logger } from '../../app/core/logger';
import type { MethodDefinition } from '../../app/registry/method';
import { discoverMethods } from '../../app/registry/registry';
import type { AppContext } from '../../app/context';
import { appAuthService, type ApiType } from '../../app/platform/gateway/appAuth';
import { ApiClient, type ClientOptions } from '../../app/sdk/client';
import { MemoryKvStore } from '../../app/storage/kv/memory';
import { RedisKvStore } from '../../app/storage/kv/redis';
import type { KvStore } from '../../app/storage/kv/types';

/**
 * One isolated server per test file: its own database (a fresh in-memory SQLite, or a fresh MySQL
 * database when DB_CLIENT=mysql) and its own KV namespace (a fresh in-process store, or a unique key
 * prefix on Redis when REDIS_URL is set). The same tests therefore run in both storage modes.
 */
export interface TestServer {
  url: string;
  app: AppContext;
  runtime: Runtime;
  clock: ManualClock;
  config: AppConfig;
  /** A new active appid of the given type and a client signing with it. */
  client(apiType?: ApiType, options?: Partial<ClientOptions>): Promise<TestClient>;
  stop(): Promise<void>;
}

export interface TestClient extends ApiClient {
  appid: string;
  secret: string;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * The moment of the same Shanghai day at 12:00 (up to 12 h either side of `nowMs`). Daily counters and
 * day-stamped numbers follow the Shanghai day: a test that moved the clock a few minutes from a start
 * near midnight (16:00 UTC) would cross into the next day and see its caps start afresh.
 */
function middayInShanghai(nowMs: number): number {
  const sinceMidnight = (nowMs + SHANGHAI_OFFSET_MS) % DAY_MS;
  return nowMs - sinceMidnight + DAY_MS / 2;
}

export const usingMysql = (): boolean => (process.env.DB_CLIENT ?? '') === 'mysql' || !!process.env.DATABASE_URL;
export const usingRedis = (): boolean => !!process.env.REDIS_URL;

function uniqueSuffix(): string {
  return `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
}

/** A fresh, empty MySQL database named after the base one; `drop` removes it. */
export async function createMysqlDatabase(base: AppConfig['db']): Promise<{ database: string; drop(): Promise<void> }> {
  const database = `${base.database}_t_${uniqueSuffix()}`.slice(0, 64);
  const admin = knexFactory({
    client: 'mysql2',
    connection: base.url ? { uri: base.url.replace(/\/[^/?]*(\?|$)/, '/$1') } as never : { host: base.host, port: base.port, user: base.user, password: base.password },
    pool: { min: 0, max: 1 },
    // Outage tests cut this connection on purpose; the next statement reconnects.
    log: { warn: () => undefined },
  });
  await admin.raw(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return {
    database,
    async drop() {
      await admin.raw(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.destroy();
    },
  };
}

export interface TestServerOptions {
  /** Methods registered besides the discovered ones (probes for protocol tests). */
  extraMethods?: MethodDefinition[];
  /** Where log lines go (default: nowhere). */
  logger?: Logger;
  /** Wraps the file's KV store (fault injection: a store that hangs). */
  wrapKv?: (kv: KvStore) => KvStore;
  /** Where the clock starts (default: noon of today in Shanghai); a browser signing by its own clock needs the real time. */
  clockStartMs?: number;
}

export async function startTestServer(overrides: DeepPartial<AppConfig> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-test-'));
  let config = loadConfig(
    { ...process.env, NODE_ENV: 'test', PORT: '0' },
    deepMerge<DeepPartial<AppConfig>>({ sms: { outboxFile: path.join(scratch, 'sms-outbox.jsonl') }, mail: { outboxFile: path.join(scratch, 'mail-outbox.jsonl') }, uploads: { dir: path.join(scratch, 'uploads') } }, overrides),
  );
  let dropDatabase = async () => {};
  if (config.db.client === 'mysql') {
    const created = await createMysqlDatabase(config.db);
    config = { ...config, db: { ...config.db, url: undefined, database: created.database } };
    dropDatabase = created.drop;
  }
  const clock = new ManualClock(options.clockStartMs ?? middayInShanghai(Date.now()));
  const store = config.redis.url ? new RedisKvStore(config.redis.url, `test:${uniqueSuffix()}:`, config.redis) : new MemoryKvStore(clock);
  const kv = options.wrapKv ? options.wrapKv(store) : store;
  const logger = options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const app = await createAppContext(config, { clock, kv, logger });
  const registry = discoverMethods();
  for (const method of options.extraMethods ?? []) registry.register(method);
  const runtime = await startServer(app, registry);
  return {
    url: runtime.url,
    app,
    runtime,
    clock,
    config,
    async client(apiType: ApiType = 'app', options: Partial<ClientOptions> = {}) {
      const row = await app.use(appAuthService).create({ apiType, name: `test ${apiType}` });
      const client = new ApiClient({
        url: runtime.url,
        appid: row.appid,
        secret: row.secret,
        now: () => Math.floor(clock.now() / 1000),
        ...options,
      }) as TestClient;
      client.appid = row.appid;
      client.secret = row.secret;
      return client;
    },
    async stop() {
      await runtime.stop();
      await dropDatabase();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}
