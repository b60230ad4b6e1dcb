/**
 * A production start on MariaDB/MySQL + Redis, from an empty database to a placed order, with the
 * operator's tools only (no SQL typed by hand): the server with NODE_ENV=production and no demo data,
 * appids made with `npm run appid`, every call made with `npm run call`. Fails loudly on any answer but 200.
 *
 *   DB_HOST=127.0.0.1 DB_PORT=3390 DB_USER=yaf DB_PASSWORD=yaf-ci REDIS_URL=redis://127.0.0.1:6390 \
 *     npx tsx scripts/smoke-production.ts [--keep] [--compiled]
 *
 * It creates a fresh database `<DB_NAME or yaf>_smoke_<random>` (dropped afterwards unless --keep) and
 * a fresh Redis key prefix. --compiled runs `node dist/app/main.js` (after `npm run build`) instead of tsx.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { freePort } from './bench/children';

const ROOT = path.join(__dirname, '..');
const args = new Set(process.argv.slice(2));
const MOBILE = '13912340000';
const PASSWORD = 'smoke_pass_123';
/** 广东省 深圳市 南山区 粤海街道: a real GB/T 2260 street code from the installed tree. */
const STREET = 440305007;

class SmokeFailure extends Error {}

function fail(message: string): never {
  throw new SmokeFailure(message);
}

function step(message: string): void {
  process.stdout.write(`smoke: ✓ ${message}\n`);
}

const required = (name: string): string => process.env[name] || fail(`set ${name} (the MariaDB/MySQL and Redis the smoke runs on)`);

const db = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 3306),
  user: process.env.DB_USER ?? 'root',
  password: process.env.DB_PASSWORD ?? '',
};
const database = `${process.env.DB_NAME ?? 'yaf'}_smoke_${crypto.randomBytes(4).toString('hex')}`.slice(0, 64);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-smoke-'));
const outbox = path.join(scratch, 'sms-outbox.jsonl');

/** The environment of the server and of every CLI call: production, nothing from the caller's own .env leaking in. */
function productionEnv(port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DB_CLIENT: 'mysql',
    DB_HOST: db.host,
    DB_PORT: String(db.port),
    DB_USER: db.user,
    DB_PASSWORD: db.password,
    DB_NAME: database,
    REDIS_URL: required('REDIS_URL'),
    REDIS_KEY_PREFIX: `smoke:${database}:`,
    DEMO_SEED: 'false',
    SERVER_SECRET: crypto.randomBytes(32).toString('hex'),
    SMS_ALLOW_OUTBOX: 'true',
    SMS_OUTBOX: outbox,
    MAIL_ALLOW_OUTBOX: 'true',
    MAIL_OUTBOX: path.join(scratch, 'mail-outbox.jsonl'),
    UPLOAD_DIR: path.join(scratch, 'uploads'),
    UPLOAD_BASE_URL: 'https://files.smoke.example.com',
  };
}

/** The arguments as a log line may show them: no secret, no session token. */
function redacted(scriptArgs: string[]): string[] {
  return scriptArgs.map((arg, i) => (['--secret', '--token'].includes(scriptArgs[i - 1]) ? '***' : arg));
}

/** `npm run -s <script> -- <args>` in production mode; its stdout, or a failure with its stderr. */
function npmRun(env: NodeJS.ProcessEnv, script: string, scriptArgs: string[]): string {
  const run = spawnSync('npm', ['run', '-s', script, '--', ...scriptArgs], { cwd: ROOT, env, encoding: 'utf8' });
  if (run.status !== 0) fail(`npm run ${script} ${redacted(scriptArgs).join(' ')} exited ${run.status}:\n${run.stderr}${run.stdout}`);
  return run.stdout;
}

interface Credential {
  appid: string;
  secret: string;
}

interface Answer<T> {
  code: number;
  msg: string;
  data?: T;
}

async function main(): Promise<void> {
  required('REDIS_URL');
  const admin = knexFactory({ client: 'mysql2', connection: db, pool: { min: 0, max: 1 } });
  let server: ChildProcess | undefined;
  let passed = false;
  const log = path.join(scratch, 'server.log');
  try {
    await admin.raw(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    step(`fresh empty database ${database}`);

    const port = await freePort();
    const env = productionEnv(port);
    const url = `http://127.0.0.1:${port}`;
    const command = args.has('--compiled') ? [process.execPath, path.join(ROOT, 'dist/app/main.js')] : [path.join(ROOT, 'node_modules/.bin/tsx'), path.join(ROOT, 'app/main.ts')];
    const out = fs.openSync(log, 'a');
    server = spawn(command[0], command.slice(1), { cwd: ROOT, env, stdio: ['ignore', out, out] });
    await waitForHealth(url, server, log);
    step(`NODE_ENV=production server healthy at ${url} (${args.has('--compiled') ? 'compiled' : 'tsx'})`);

    const create = (type: string, extra: string[]): Credential => JSON.parse(npmRun(env, 'appid', ['create', '--type', type, '--name', `smoke ${type}`, '--json', ...extra])) as Credential;
    const appCred = create('app', []);
    const adminCred = create('admin', ['--ip-allow', '127.0.0.1']);
    const listed = JSON.parse(npmRun(env, 'appid', ['list', '--json'])) as Array<{ appid: string }>;
    if (listed.length !== 2) fail(`expected only the 2 appids just made (no demo appids in production), found ${listed.map((a) => a.appid).join(', ')}`);
    step('app and admin appids created with npm run appid; no demo appids');

    const call = <T>(cred: Credential, method: string, params: Record<string, unknown>, token?: string): T => {
      const pairs = Object.entries(params).map(([key, value]) => (typeof value === 'string' ? `${key}=${value}` : `${key}:=${JSON.stringify(value)}`));
      const auth = token ? ['--token', token] : [];
      const answer = JSON.parse(npmRun(env, 'call', ['--url', url, '--appid', cred.appid, '--secret', cred.secret, ...auth, method, ...pairs])) as Answer<T>;
      if (answer.code !== 200) fail(`${method} answered ${answer.code} ${answer.msg}: ${JSON.stringify(answer)}`);
      return answer.data as T;
    };

    const provinces = call<{ list: Array<{ districtid: number; name: string }> }>(appCred, 'system.district.list', {}).list;
    if (provinces.length !== 31) fail(`system.district.list answered ${provinces.length} provinces, expected 31`);
    const streets = call<{ list: Array<{ districtid: number; name: string }> }>(appCred, 'system.district.list', { parentid: 440305 }).list;
    if (!streets.some((s) => s.districtid === STREET && s.name === '粤海街道')) fail('粤海街道 440305007 is not under 南山区');
    step('district tree installed (31 provinces; 南山区 has 粤海街道)');

    call(appCred, 'sms.send', { mobile: MOBILE, key: 'USER_REGISTER_CODE' });
    const code = readCode(MOBILE, 'USER_REGISTER_CODE');
    const user = call<{ token: string; open_id: string }>(appCred, 'user.register', { mobile: MOBILE, code, password: PASSWORD });
    step(`registered ${MOBILE} through sms.send + the outbox + user.register`);

    const { address_id } = call<{ address_id: number }>(appCred, 'user.address.add', { realname: '烟测', mobile: MOBILE, district_id: STREET, address: '科技园南区1号', is_default: 1 }, user.token);
    step(`address ${address_id} added in 粤海街道`);

    const adminId = 1;
    const category = call<{ cat_id: number }>(adminCred, 'category.add', { admin_id: adminId, cat_type: 3, cat_name: '烟测分类' });
    const goods = call<{ goodsid: number }>(adminCred, 'goods.add', {
      admin_id: adminId,
      goods_name: '烟测水杯',
      cat_id: category.cat_id,
      goods_img: 'https://files.smoke.example.com/cup.jpg',
      spec_val: {},
      products: [{ market_price: 120, sales_price: 100, stock: 5, skuid: 'SMOKE-1' }],
    });
    call(adminCred, 'goods.shelve', { admin_id: adminId, goodsid: goods.goodsid, on: 1 });
    const detail = call<{ products: Array<{ productid: number }> }>(adminCred, 'goods.detail', { goodsid: goods.goodsid });
    const productid = detail.products[0]?.productid ?? fail('goods.detail lists no product');
    call(adminCred, 'points.grant', { admin_id: adminId, mobile: MOBILE, points: 1000, reason: '烟测' });
    step(`goods ${goods.goodsid} (product ${productid}, stock 5) on shelf and 1000 points granted, through admin methods`);

    const { token: requestToken } = call<{ token: string }>(appCred, 'system.request.token', {}, user.token);
    const order = call<{ orderid: number; order_sn: string }>(appCred, 'order.submit', { productid, quantity: 2, address_id, request_token: requestToken }, user.token);
    const placed = call<{ order_status: number; receiver_street?: string }>(appCred, 'order.detail', { orderid: order.orderid }, user.token);
    step(`order ${order.order_sn} placed (status ${placed.order_status})`);
    process.stdout.write('smoke: production start OK\n');
    passed = true;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    // Read only now: the server buffers its log lines and writes them out as it exits.
    if (!passed && fs.existsSync(log)) process.stderr.write(`--- server log ---\n${fs.readFileSync(log, 'utf8').slice(-4000)}\n`);
    if (!args.has('--keep')) await admin.raw(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.destroy();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function waitForHealth(url: string, child: ChildProcess, log: string): Promise<void> {
  // The first production start installs the whole district tree before it listens.
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) fail(`the server exited with ${child.exitCode}:\n${fs.readFileSync(log, 'utf8')}`);
    try {
      const body = (await (await fetch(`${url}/health`)).json()) as { code: number };
      if (body.code === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  fail('the server did not become healthy within 120 s');
}

/** The newest code the outbox SMS driver wrote for `mobile` and `key`. */
function readCode(mobile: string, key: string): string {
  const lines = fs.existsSync(outbox) ? fs.readFileSync(outbox, 'utf8').split('\n').filter((l) => l.trim()) : [];
  const found = lines
    .map((l) => JSON.parse(l) as { mobile?: string; to?: string; key: string; code: string })
    .filter((m) => (m.mobile ?? m.to) === mobile && m.key === key)
    .pop();
  return found?.code ?? fail(`no ${key} SMS for ${mobile} in the outbox ${outbox}`);
}

main().catch((err) => {
  process.stderr.write(`smoke: FAILED: ${err instanceof SmokeFailure ? err.message : (err as Error).stack}\n`);
  process.exit(1);
});
