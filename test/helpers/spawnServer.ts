import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config';
import { createAppContext } from '../../app/bootstrap';
import type { AppContext } from '../../app/context';
import { createLogger } from '../../app/core/logger';
import { RedisKvStore } from '../../app/storage/kv/redis';
import { createMysqlDatabase, usingMysql, usingRedis } from './harness';
import { freePort } from './tcpProxy';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Storage for a server run as its own process (`app/main.ts`, as `npm start` runs it): a fresh MySQL
 * database and Redis key prefix in the MariaDB + Redis pass, else a fresh SQLite file. `setup` is an
 * AppContext on the same storage, migrated, for making appids and rows through the project's services.
 */
export interface ServerStorage {
  /** The environment that points a spawned server at this storage. */
  env: Record<string, string>;
  setup: AppContext;
  close(): Promise<void>;
}

export async function prepareServerStorage(): Promise<ServerStorage> {
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const logger = createLogger('silent');
  if (usingMysql()) {
    const database = await createMysqlDatabase(base.db);
    const prefix = `test:spawned:${crypto.randomBytes(4).toString('hex')}:`;
    const kv = usingRedis() ? new RedisKvStore(process.env.REDIS_URL!, prefix) : undefined;
    const setup = await createAppContext({ ...base, db: { ...base.db, url: undefined, database: database.database } }, { kv, logger });
    return {
      env: { DB_CLIENT: 'mysql', DATABASE_URL: '', DB_NAME: database.database, REDIS_KEY_PREFIX: prefix },
      setup,
      async close() {
        await setup.close();
        await database.drop();
      },
    };
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-spawned-'));
  const sqliteFile = path.join(scratch, 'yaf.sqlite');
  const setup = await createAppContext({ ...base, db: { ...base.db, sqliteFile } }, { logger });
  return {
    env: { SQLITE_FILE: sqliteFile, SMS_OUTBOX: path.join(scratch, 'sms-outbox.jsonl'), UPLOAD_DIR: path.join(scratch, 'uploads') },
    setup,
    async close() {
      await setup.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything the process wrote to stdout so far. */
  stdout(): string;
  /** The exit code, once the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `app/main.ts` on a free loopback port with `env` over the current environment; resolves once `/health` answers 200. */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DEMO_SEED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { child, url, port, stdout: () => out, exited };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const body = (await (await fetch(`${url}/health`)).json()) as { code: number };
      if (body.code === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not become healthy');
}

/** Sends SIGTERM to a spawned server still running and waits for it to exit. */
export async function stopSpawned(server: SpawnedServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await server.exited;
}
