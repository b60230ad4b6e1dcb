/**
 * `npm run bench:nearby [-- --sizes 1000,1000000 --duration 10 --connections 64]`: community.list against
 * tables of posts of each size, to show the bounding-box query stays flat in table size. Posts are spread
 * uniformly over a disc of 50 km around the seed's centre (a city), bulk-loaded in batches; the caller
 * lists the default 500 m. Runs the project server in production mode on the configured database
 * (MariaDB when DB_CLIENT=mysql; else a SQLite file) and KV store, like `npm run bench`.
 * Prints req/s, p50/p99 and the posts found per call for each size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { createAppContext } from '../app/bootstrap';
import { appAuthService } from '../app/platform/gateway/appAuth';
import { userDirectory } from '../app/platform/identity/users';
import { passwordHasher } from '../app/platform/identity/passwords';
import { NEARBY_CENTRE } from '../app/products/nearby/demo/010_nearby';
import { postPlace } from '../app/products/nearby/services/posts';
import { BodyMaker } from './bench/bodies';
import { freePort, killAll, start, stop, waitForHttp } from './bench/children';
import { pickTool, runLoad } from './bench/load';
import { probe } from './bench/probe';
import { cleanUpStorage, projectCommand, projectEnv } from './bench/project';
import { parseArgs } from './cli';

const RADIUS_M = 50_000;

/** Uniform over the disc: sqrt for the radius, a deterministic sequence so every run loads the same posts. */
function* posts(count: number, userId: number, nowMs: number) {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < count; i++) {
    const r = RADIUS_M * Math.sqrt(random());
    const theta = 2 * Math.PI * random();
    const dLat = (r * Math.cos(theta)) / 111_320;
    const dLng = (r * Math.sin(theta)) / (111_320 * Math.cos((NEARBY_CENTRE.latitude * Math.PI) / 180));
    const at = nowMs - (count - i) * 1000;
    yield { user_id: userId, content: `post ${i}`, item_id: null, ...postPlace({ latitude: NEARBY_CENTRE.latitude + dLat, longitude: NEARBY_CENTRE.longitude + dLng }), add_ms: at, update_ms: at };
  }
}

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const sizes = String(options.sizes ?? '1000,1000000').split(',').map(Number);
  const seconds = Number(options.duration ?? 10);
  const connections = Number(options.connections ?? 64);
  const tool = pickTool(typeof options.tool === 'string' ? options.tool : undefined);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-bench-nearby-'));
  const port = await freePort();
  const env = projectEnv(tmp, port);
  const config = loadConfig(env);
  const pin = os.cpus().length >= 2 ? { server: '0', load: '1' } : { server: undefined, load: undefined };
  const app = await createAppContext(config);
  const { appid, secret } = await app.use(appAuthService).create({ apiType: 'nearby', name: 'bench nearby' });
  const mobile = `139${String(Date.now()).slice(-8)}`;
  const password = 'bench_pass_1';
  const user = await app.use(userDirectory).create({ mobile, nickname: 'bench', password_hash: await app.use(passwordHasher).hash(password) });
  const maker = new BodyMaker(appid, secret);
  const bodyFile = path.join(tmp, 'list.body');
  process.stdout.write(`bench:nearby on ${config.db.client} + ${config.redis.url ? 'redis' : 'memory'}, ${tool}, ${connections} connections, ${seconds} s per size\n`);
  const rows: string[] = [];
  try {
    for (const size of sizes) {
      await app.db('nearby_posts').delete();
      // SQLite caps a compound SELECT at 500 terms; MySQL takes a multi-row VALUES of any length.
      const BATCH = config.db.client === 'sqlite' ? 400 : 5000;
      const t0 = Date.now();
      let batch: object[] = [];
      for (const post of posts(size, user.id, app.clock.now())) {
        batch.push(post);
        if (batch.length === BATCH) {
          await app.db('nearby_posts').insert(batch);
          batch = [];
        }
      }
      if (batch.length) await app.db('nearby_posts').insert(batch);
      process.stdout.write(`bench:nearby: ${size} posts loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      const server = start(process.execPath, projectCommand(), { env, cpus: pin.server });
      try {
        await waitForHttp(`http://127.0.0.1:${port}/health`, server);
        // Logged in through the server itself, so the session lives where the server keeps it (memory or Redis).
        const login = await probe(port, maker.signed('user.login', { mobile, login_type: 2, password }));
        if (login.body?.code !== 200) throw new Error(`user.login answered ${JSON.stringify(login.body)}`);
        const body = maker.signed('community.list', { token: (login.body.data as { token: string }).token, ...NEARBY_CENTRE, distance: 500, limit: 20 });
        fs.writeFileSync(bodyFile, body);
        const check = await probe(port, body);
        if (check.body?.code !== 200) throw new Error(`community.list answered ${JSON.stringify(check.body)}`);
        const found = (check.body.data as { total: number }).total;
        await runLoad({ tool, port, seconds: 2, connections, threads: 2, cpus: pin.load, bodyFile });
        const result = await runLoad({ tool, port, seconds, connections, threads: 2, cpus: pin.load, bodyFile });
        const rps = result.requests / result.seconds;
        if (result.non2xx || result.socket_errors) throw new Error(`errors under load: ${JSON.stringify(result)}`);
        rows.push(`| ${String(size).padStart(9)} | ${String(found).padStart(5)} | ${Math.round(rps).toString().padStart(7)} | ${result.p50_ms.toFixed(1).padStart(6)} | ${result.p99_ms.toFixed(1).padStart(6)} |`);
      } finally {
        await stop(server);
      }
    }
  } finally {
    await app.db('nearby_posts').delete();
    await app.close();
    await cleanUpStorage(config, appid);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.stdout.write(`\n|     posts | found |   req/s | p50 ms | p99 ms |\n|---|---|---|---|---|\n${rows.join('\n')}\n`);
}

main().catch((err) => {
  killAll();
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
