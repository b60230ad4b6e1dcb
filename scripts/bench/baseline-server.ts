/**
 * The two reference servers of the benchmark, one per process:
 *   bare — node:http answering a fixed JSON, body ignored: what this machine can do at all;
 *   koa  — koa + koa-body parsing the form, verifying the MD5 signature with the project's own
 *          node:crypto check, JSON.parse of `data`, a fixed answer: the framework floor.
 * Usage: PORT=… BENCH_SECRET=… tsx scripts/bench/baseline-server.ts bare|koa
 */
import http from 'node:http';
import Koa from 'koa';
import { koaBody } from 'koa-body';
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

function koaFloor(secret: string): http.Server {
  const app = new Koa();
  app.silent = true;
  app.use(koaBody({ urlencoded: true, json: false, text: false, multipart: false }));
  app.use(async (ctx) => {
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const data = typeof body.data === 'string' ? body.data : '';
    let ok = verifySignature(data, body.sign, [secret]);
    if (ok) {
      try {
        ok = typeof JSON.parse(data) === 'object';
      } catch {
        ok = false;
      }
    }
    ctx.type = JSON_TYPE;
    ctx.body = ok ? ANSWER : REFUSED;
  });
  return http.createServer(app.callback());
}

function main(): void {
  const kind = process.argv[2];
  const port = Number(process.env.PORT);
  const secret = process.env.BENCH_SECRET ?? '';
  if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set');
  const server = kind === 'bare' ? bare() : kind === 'koa' && secret ? koaFloor(secret) : null;
  if (!server) throw new Error('usage: baseline-server.ts bare | koa (with BENCH_SECRET)');
  server.keepAliveTimeout = 5_000;
  server.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main();
