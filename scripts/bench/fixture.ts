/**
 * The benchmark's data sets, each in a MariaDB database of its own (never the configured DB_NAME):
 *   demo — the project's demo data (every product's demo seed), in `<prefix>_demo`;
 *   rows — the demo data plus `rows` generated news, goods (one SKU each) and orders (one item each, all
 *          the demo member's), in `<prefix>_<label>` (`yaf_bench_1m` for 1,000,000).
 * A data set is built once: a marker row in `bench_fixture` says it is complete, and a database without
 * it (an interrupted build) is dropped and built again. Generated rows go in multi-row INSERTs of
 * thousands on one connection, with the next batch made while the last one is in flight, then ANALYZE
 * TABLE so the planner knows the sizes. Each later run only migrates (the server would anyway) and runs
 * the demo seed of products that have none yet.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { loadConfig, type AppConfig } from '../../config';
import { createAppContext } from '../../app/bootstrap';
import type { AppContext } from '../../app/context';
import { seedDemoData } from '../../app/platform/demo';
import { userDirectory } from '../../app/platform/identity/users';
import { DEMO_USER } from '../../app/products/app/demo/011_accounts';
import { CAT_TYPE } from '../../app/products/app/services/content/categories';
import { goodsRows, newsRow, orderRows, sizeLabel, type FixtureContext } from './fixture-rows';
import { projectEnv } from './project';

const MARKER_TABLE = 'bench_fixture';
/** Rows per INSERT: ~2 MB of SQL for the widest table, far below MariaDB's 16 MB max_allowed_packet. */
const BATCH = 5000;

export interface Dataset {
  /** `demo`, or the size's label (`1m`): the variant names and the database carry it. */
  label: string;
  database: string;
  /** Generated rows per table (0 for the demo data alone). */
  rows: number;
}

export function datasets(prefix: string, rows: number): { demo: Dataset; large: Dataset } {
  const label = sizeLabel(rows);
  return { demo: { label: 'demo', database: `${prefix}_demo`, rows: 0 }, large: { label, database: `${prefix}_${label}`, rows } };
}

/** The environment (connection settings) with the database swapped for the data set's. */
export function withDatabase(env: NodeJS.ProcessEnv, database: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, DB_CLIENT: 'mysql', DB_NAME: database };
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    url.pathname = `/${database}`;
    out.DATABASE_URL = url.toString();
  }
  return out;
}

function serverConnection(config: AppConfig): mysql.ConnectionOptions {
  if (config.db.url) {
    const url = new URL(config.db.url);
    return { host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  }
  return { host: config.db.host, port: config.db.port, user: config.db.user, password: config.db.password };
}

async function builtRows(conn: mysql.Connection, dataset: Dataset): Promise<number | null> {
  const [tables] = await conn.query('SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?', [dataset.database, MARKER_TABLE]);
  if ((tables as unknown[]).length === 0) return null;
  const [rows] = await conn.query(`SELECT \`rows\` FROM \`${dataset.database}\`.${MARKER_TABLE} WHERE name = 'dataset'`);
  const found = (rows as Array<{ rows: number }>)[0];
  return found ? Number(found.rows) : null;
}

/** What the generated rows hang on: the demo's categories, member and address, and the next free ids. */
async function fixtureContext(conn: mysql.Connection, now: number): Promise<FixtureContext> {
  const one = async <T>(sql: string, values: unknown[] = []): Promise<T | undefined> => ((await conn.query(sql, values))[0] as T[])[0];
  const ids = async (catType: number) =>
    ((await conn.query('SELECT cat_id FROM categories WHERE cat_type = ? AND status = 1 AND display = 1 ORDER BY cat_id', [catType]))[0] as Array<{ cat_id: number }>).map((r) => r.cat_id);
  const user = await one<{ id: number }>('SELECT id FROM users WHERE mobile = ?', [DEMO_USER.mobile]);
  if (!user) throw new Error(`fixture: the demo member ${DEMO_USER.mobile} is missing after the demo seed`);
  const receiver = await one<FixtureContext['receiver']>(
    'SELECT receiver_name, receiver_mobile, receiver_province, receiver_city, receiver_district, receiver_street, receiver_address FROM orders WHERE user_id = ? ORDER BY orderid LIMIT 1',
    [user.id],
  );
  const next = async (table: string, key: string) => Number((await one<{ top: number | null }>(`SELECT MAX(${key}) AS top FROM ${table}`))?.top ?? 0) + 1;
  const context: FixtureContext = {
    now,
    newsCategories: await ids(CAT_TYPE.NEWS),
    goodsCategories: await ids(CAT_TYPE.GOODS),
    userId: user.id,
    firstId: {
      news: await next('news', 'news_id'),
      goods: await next('goods', 'goodsid'),
      products: await next('products', 'productid'),
      orders: await next('orders', 'orderid'),
      items: await next('order_items', 'itemid'),
    },
    receiver: receiver ?? {
      receiver_name: '张三',
      receiver_mobile: DEMO_USER.mobile,
      receiver_province: '广东省',
      receiver_city: '深圳市',
      receiver_district: '南山区',
      receiver_street: '粤海街道',
      receiver_address: '科技园南区深南大道10000号',
    },
  };
  if (!context.newsCategories.length || !context.goodsCategories.length) throw new Error('fixture: the demo seed left no live news or goods category');
  return context;
}

/** Inserts `count` generated rows, `BATCH` per statement; the next batch is built while the last is sent. */
async function load(conn: mysql.Connection, tables: string[], count: number, make: (n: number) => Array<Record<string, unknown>>): Promise<void> {
  let pending: Promise<unknown> = Promise.resolve();
  for (let start = 0; start < count; start += BATCH) {
    const batches: Array<Array<Record<string, unknown>>> = tables.map(() => []);
    for (let n = start; n < Math.min(count, start + BATCH); n++) make(n).forEach((row, t) => batches[t].push(row));
    await pending;
    pending = (async () => {
      for (const [t, rows] of batches.entries()) {
        const columns = Object.keys(rows[0]);
        await conn.query(`INSERT INTO ${tables[t]} (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`, [rows.map((r) => columns.map((c) => r[c]))]);
      }
    })();
  }
  await pending;
}

async function generate(conn: mysql.Connection, rows: number, log: (line: string) => void): Promise<void> {
  const ctx = await fixtureContext(conn, Math.floor(Date.now() / 1000) - 3600);
  // Secondary indexes are still maintained; these only skip per-row checks the generator guarantees.
  await conn.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  const timed = async (what: string, work: () => Promise<void>) => {
    const t0 = Date.now();
    await work();
    log(`fixture: ${rows.toLocaleString('en-US')} ${what} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  await timed('news', () => load(conn, ['news'], rows, (n) => [newsRow(n, rows, ctx)]));
  await timed('goods + products', () => load(conn, ['goods', 'products'], rows, (n) => Object.values(goodsRows(n, rows, ctx))));
  await timed('orders + items', () => load(conn, ['orders', 'order_items'], rows, (n) => Object.values(orderRows(n, rows, rows, ctx))));
  await conn.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
  await conn.query('ANALYZE TABLE news, goods, products, orders, order_items');
}

/**
 * Members the write variant spreads its calls over: 64 connections setting one member's nickname would
 * queue on that one row's lock and measure the lock, not the path.
 */
export const WRITER_COUNT = 64;
export const writerMobile = (i: number) => `1990000${String(i).padStart(4, '0')}`;

async function addWriters(app: AppContext): Promise<void> {
  const mobiles = Array.from({ length: WRITER_COUNT }, (_, i) => writerMobile(i));
  const present = new Set((await app.db('users').whereIn('mobile', mobiles).select('mobile')).map((r) => r.mobile));
  for (const mobile of mobiles.filter((m) => !present.has(m))) {
    await app.use(userDirectory).create({ mobile, nickname: `bench ${mobile.slice(-4)}`, platform: 1 });
  }
}

/**
 * Makes sure the data set exists and is complete, building it when it is not. `baseEnv` carries the
 * connection settings (DB_HOST … or DATABASE_URL); the build runs the demo seed under the development
 * environment with an in-process KV store, its scratch files in a temp dir.
 */
export async function ensureDataset(baseEnv: NodeJS.ProcessEnv, dataset: Dataset, log: (line: string) => void): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-bench-fixture-'));
  const env: NodeJS.ProcessEnv = {
    ...withDatabase(projectEnv(scratch, 0), dataset.database),
    ...withDatabase(baseEnv, dataset.database),
    NODE_ENV: 'development',
    // The demo seed warns of its admin appid's missing allow-list: true, and beside the point here.
    LOG_LEVEL: 'error',
    // The demo appids file is written next to this (scratch) file, never over the developer's own.
    SQLITE_FILE: path.join(scratch, 'unused.sqlite'),
    WORKERS: '1',
  };
  delete env.REDIS_URL;
  const config = loadConfig(env);
  const admin = await mysql.createConnection({ ...serverConnection(config), multipleStatements: false });
  try {
    const built = await builtRows(admin, dataset);
    const fresh = built !== dataset.rows;
    if (fresh) {
      if (built !== null) log(`fixture: ${dataset.database} holds ${built} rows, not ${dataset.rows}: rebuilding`);
      await admin.query(`DROP DATABASE IF EXISTS \`${dataset.database}\``);
      await admin.query(`CREATE DATABASE \`${dataset.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    }
    const t0 = Date.now();
    const app = await createAppContext(config);
    try {
      await seedDemoData(app);
      // The load comes from loopback: a ban of it (an earlier run's bad signatures, variant c) would turn
      // every later call into a 510. The bench's servers count bad signatures but never reach a ban.
      await app.db('ip_bans').whereIn('ip', ['127.0.0.1', '::1', '::ffff:127.0.0.1']).delete();
      await addWriters(app);
    } finally {
      await app.close();
    }
    if (!fresh) return;
    await admin.changeUser({ database: dataset.database });
    if (dataset.rows > 0) await generate(admin, dataset.rows, log);
    await admin.query(`CREATE TABLE ${MARKER_TABLE} (name VARCHAR(16) PRIMARY KEY, \`rows\` INT UNSIGNED NOT NULL, seconds INT UNSIGNED NOT NULL, c_time INT UNSIGNED NOT NULL)`);
    const seconds = Math.round((Date.now() - t0) / 1000);
    await admin.query(`INSERT INTO ${MARKER_TABLE} VALUES ('dataset', ?, ?, UNIX_TIMESTAMP())`, [dataset.rows, seconds]);
    log(`fixture: ${dataset.database} built in ${seconds} s`);
  } finally {
    await admin.end();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
