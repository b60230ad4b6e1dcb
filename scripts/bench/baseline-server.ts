/**
 * The reference servers of the benchmark, one per process:
 *   bare   — node:http answering a fixed JSON, body ignored: what this machine can do at all;
 *   koa    — koa + koa-body parsing the form, verifying the MD5 signature with the project's own
 *            node:crypto check, JSON.parse of `data`, a fixed answer: the framework floor;
 *   koa-db — (koa) + one primary-key SELECT through a mysql2 pool of 10 with `execute` (a prepared
 *            statement), its row the answer's data: the ceiling for a method that reads the database
 *            (ceiling.md's g). WORKERS=n forks n node:cluster workers sharing the port, as the project does.
 * Usage: PORT=… BENCH_SECRET=… tsx scripts/bench/baseline-server.ts bare|koa
 *        PORT=… BENCH_SECRET=… BENCH_MYSQL='{"host":…,"database":…}' BENCH_PK=<users.id> [WORKERS=2] … koa-db
 */
import cluster from 'node:cluster';
import http from 'node:http';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import mysql from 'mysql2/promise';
import { verifySignature } from '../../app/protocol/signature';

const ANSWER = JSON.stringify({ code: 200, msg: 'success', data: {} });
const REFUSED = JSON.stringify({ code: 503, msg: 'signature error' });
const JSON_TYPE = 'application/json; charset=utf-8';

function bare(): http.Server {
  return http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(ANSWER) });
    res.end(ANSWER);
  });
}

/** The signed call's verdict, as the floor checks it: signature over `data`, then `data` parses as JSON. */
function verified(body: Record<string, unknown>, secret: string): boolean {
  const data = typeof body.data === 'string' ? body.data : '';
  if (!verifySignature(data, body.sign, [secret])) return false;
  try {
    return typeof JSON.parse(data) === 'object';
  } catch {
    return false;
  }
}

/** koa + koa-body; `answer` gives the body of a verified call. */
function koaServer(secret: string, answer: () => string | Promise<string>): http.Server {
  const app = new Koa();
  app.silent = true;
  app.use(koaBody({ urlencoded: true, json: false, text: false, multipart: false }));
  app.use(async (ctx) => {
    const ok = verified((ctx.request.body ?? {}) as Record<string, unknown>, secret);
    ctx.type = JSON_TYPE;
    ctx.body = ok ? await answer() : REFUSED;
  });
  return http.createServer(app.callback());
}

function koaWithDb(secret: string): http.Server {
  const pool = mysql.createPool({ ...(JSON.parse(process.env.BENCH_MYSQL ?? '{}') as mysql.PoolOptions), connectionLimit: 10, charset: 'utf8mb4' });
  const id = Number(process.env.BENCH_PK);
  return koaServer(secret, async () => {
    const [rows] = await pool.execute('SELECT id, open_id, nickname, headimg, intro, c_time FROM users WHERE id = ?', [id]);
    return JSON.stringify({ code: 200, msg: 'success', data: (rows as unknown[])[0] ?? null });
  });
}

function main(): void {
  const kind = process.argv[2];
  const port = Number(process.env.PORT);
  const secret = process.env.BENCH_SECRET ?? '';
  const workers = Number(process.env.WORKERS ?? 1);
  if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set');
  if (!['bare', 'koa', 'koa-db'].includes(kind) || (kind !== 'bare' && !secret)) throw new Error('usage: baseline-server.ts bare | koa | koa-db (with BENCH_SECRET)');
  if (workers > 1 && cluster.isPrimary) {
    for (let i = 0; i < workers; i++) cluster.fork();
    process.once('SIGTERM', () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      process.exit(0);
    });
    return;
  }
  const server = kind === 'bare' ? bare() : kind === 'koa' ? koaServer(secret, () => ANSWER) : koaWithDb(secret);
  server.keepAliveTimeout = 5_000;
  server.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main();
