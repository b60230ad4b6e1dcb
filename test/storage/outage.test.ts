import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import type { DeepPartial } from '../../config/merge';
import type { AppConfig } from '../../config';
import { asAdmin } from '../helpers/admin';
import { startTestServer, usingMysql, usingRedis, type TestServer } from '../helpers/harness';
import { TcpProxy } from '../helpers/tcpProxy';

/**
 * Must survive: MariaDB or Redis dying under load. While one is away every call answers at once — 200 when
 * it did not need it, a clean 500 when it did, never a hang past the configured timeouts — `/health`
 * reports it, and within 2 s of its return calls succeed again with every acknowledged write in the
 * database.
 *
 * Two ways to take a dependency away: in the ordinary MariaDB + Redis pass, a TCP relay between the
 * server and the shared instances is cut (the instances themselves are never touched); in its own CI step
 * (`.ci/run`), the real dedicated instances are killed and restarted with the commands in
 * `CI_REDIS_STOP_CMD` / `CI_REDIS_START_CMD` and `CI_MARIADB_STOP_CMD` / `CI_MARIADB_START_CMD`.
 */

interface Dependency {
  name: 'Redis' | 'MariaDB';
  /** Overrides that route the server to the dependency (through the relay, when there is one). */
  overrides: DeepPartial<AppConfig>;
  stop(): Promise<void>;
  /** Resolves once the dependency answers again. */
  start(): Promise<void>;
  close?(): Promise<void>;
}

const TIMEOUTS: DeepPartial<AppConfig> = {
  db: { connectTimeoutMs: 500, acquireTimeoutMs: 1_000 },
  redis: { commandTimeoutMs: 500, reconnectMaxMs: 200 },
  http: { healthTimeoutMs: 500 },
};
/** The longest a call may take while a dependency is away: its bounded wait, plus scheduling slack. */
const LONGEST_CALL_MS = 1_000 + 700;
const RECOVERY_MS = 2_000;
const SERVER_ERROR = /^server error \(request [\w.-]+\)$/;

interface Outcome {
  code: number;
  msg: string;
  ms: number;
  linkId?: number;
  startedAt: number;
}

/** Runs a shell command without blocking this process, where the server under test runs too. */
async function shell(command: string): Promise<void> {
  await promisify(execFile)('/bin/sh', ['-c', command], { timeout: 30_000 });
}

function relayed(name: Dependency['name'], host: string, port: number, route: (port: number) => DeepPartial<AppConfig>): () => Promise<Dependency> {
  return async () => {
    const proxy = new TcpProxy(host, port);
    await proxy.start();
    return { name, overrides: route(proxy.port), stop: () => proxy.cut(), start: () => proxy.start(), close: () => proxy.cut() };
  };
}

function realInstance(name: Dependency['name'], stopCmd: string, startCmd: string): () => Promise<Dependency> {
  return async () => ({ name, overrides: {}, stop: () => shell(stopCmd), start: () => shell(startCmd) });
}

/** Polls `check` every 25 ms for at most `withinMs`; answers when it first held (ms), or Infinity. */
async function pollUntil(check: () => boolean | Promise<boolean>, withinMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < withinMs) {
    if (await check()) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Infinity;
}

function outageUnderLoad(label: string, makeDependency: () => Promise<Dependency>): void {
  describe(label, function () {
    this.timeout(45_000);
    let dependency: Dependency;
    let server: TestServer;
    let admin: ReturnType<typeof asAdmin>;
    let catId: number;

    before(async () => {
      dependency = await makeDependency();
      server = await startTestServer({ ...TIMEOUTS, ...dependency.overrides, db: { ...TIMEOUTS.db, ...dependency.overrides.db }, redis: { ...TIMEOUTS.redis, ...dependency.overrides.redis } });
      admin = asAdmin(await server.client('admin'), 7);
      const category = await admin<{ cat_id: number }>('category.add', { cat_type: 2, cat_name: 'outage' });
      expect(category.code, category.msg).to.equal(200);
      catId = category.data!.cat_id;
    });
    after(async () => {
      await server?.stop();
      await dependency?.close?.();
    });

    async function health(): Promise<{ ms: number; body: { code: number; data: Record<string, string> } }> {
      const started = performance.now();
      const body = (await (await fetch(`${server.url}/health`)).json()) as { code: number; data: Record<string, string> };
      return { ms: performance.now() - started, body };
    }

    it(`calls answer 500 at once while ${label.split(' ')[0]} is away, /health says so, and all is well within 2 s of its return`, async () => {
      const outcomes: Outcome[] = [];
      let loading = true;
      let n = 0;
      const worker = async () => {
        while (loading) {
          const startedAt = performance.now();
          const answer = await admin<{ link_id: number }>('link.add', { cat_id: catId, link_name: `l${n++}`, link_url: 'https://outage.test' });
          outcomes.push({ code: answer.code, msg: answer.msg, ms: performance.now() - startedAt, linkId: answer.data?.link_id, startedAt });
        }
      };
      const workers = Array.from({ length: 6 }, worker);
      const succeeded = () => outcomes.filter((o) => o.code === 200).length;

      try {
        expect(await pollUntil(() => succeeded() >= 20, 10_000), 'load is flowing').to.be.below(Infinity);
        const stoppedAt = performance.now();
        await dependency.stop();
        expect(await pollUntil(() => outcomes.some((o) => o.startedAt > stoppedAt && o.code === 500), 5_000), 'calls fail while it is away').to.be.below(Infinity);

        const during = await health();
        expect(during.ms, '/health answers at once').to.be.below(800);
        expect(during.body.code).to.equal(500);
        expect(during.body.data[dependency.name === 'Redis' ? 'kv' : 'db']).to.equal('down');
        // Load keeps hitting the dead dependency for a while: nothing may pile up or crash.
        const failuresBefore = outcomes.length;
        await pollUntil(() => outcomes.length >= failuresBefore + 30, 3_000);

        await dependency.start();
        const backAt = performance.now();
        const recoveredIn = await pollUntil(() => outcomes.some((o) => o.startedAt > backAt && o.code === 200), RECOVERY_MS + 3_000);
        console.log(`      ${dependency.name}: first 200 ${Math.round(recoveredIn)} ms after it answered again; /health took ${Math.round(during.ms)} ms while it was away`);
        expect(recoveredIn, 'calls succeed again within 2 s').to.be.below(RECOVERY_MS);
        const healthy = await pollUntil(async () => (await health()).body.code === 200, RECOVERY_MS);
        expect(healthy, '/health is back').to.be.below(RECOVERY_MS);
      } finally {
        loading = false;
        await Promise.all(workers);
      }

      const failed = outcomes.filter((o) => o.code !== 200);
      expect(failed.length, 'some calls met the outage').to.be.above(0);
      for (const o of failed) {
        expect(o.code, o.msg).to.equal(500);
        expect(o.msg).to.match(SERVER_ERROR);
      }
      const slowest = Math.max(...outcomes.map((o) => o.ms));
      console.log(`      ${dependency.name}: ${outcomes.length} calls, ${failed.length} answered 500, slowest ${Math.round(slowest)} ms, median 500 in ${Math.round(median(failed.map((o) => o.ms)))} ms`);
      expect(slowest, 'no call waited past the configured timeouts').to.be.below(LONGEST_CALL_MS);

      const acknowledged = outcomes.filter((o) => o.code === 200).map((o) => o.linkId!);
      const stored = await server.app.db('links').whereIn('link_id', acknowledged).pluck('link_id');
      expect(stored.map(Number).sort((a, b) => a - b), 'every acknowledged write is in the database').to.deep.equal([...acknowledged].sort((a, b) => a - b));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
}

const env = process.env;
const realCommands = {
  redis: env.CI_REDIS_STOP_CMD && env.CI_REDIS_START_CMD ? [env.CI_REDIS_STOP_CMD, env.CI_REDIS_START_CMD] : null,
  mariadb: env.CI_MARIADB_STOP_CMD && env.CI_MARIADB_START_CMD ? [env.CI_MARIADB_STOP_CMD, env.CI_MARIADB_START_CMD] : null,
};

describe('dependencies failing under load', () => {
  if (!usingMysql() || !usingRedis()) {
    it('needs MariaDB + Redis (DB_CLIENT=mysql, REDIS_URL): skipped on the embedded default');
    return;
  }
  const db = { host: env.DB_HOST ?? '127.0.0.1', port: Number(env.DB_PORT ?? 3306) };
  const redis = new URL(env.REDIS_URL!);

  if (realCommands.redis) outageUnderLoad('Redis killed and restarted (the real instance)', realInstance('Redis', ...(realCommands.redis as [string, string])));
  else outageUnderLoad('Redis cut away (TCP relay)', relayed('Redis', redis.hostname, Number(redis.port || 6379), (port) => ({ redis: { url: `redis://127.0.0.1:${port}` } })));

  if (realCommands.mariadb) outageUnderLoad('MariaDB killed and restarted (the real instance)', realInstance('MariaDB', ...(realCommands.mariadb as [string, string])));
  else outageUnderLoad('MariaDB cut away (TCP relay)', relayed('MariaDB', db.host, db.port, (port) => ({ db: { host: '127.0.0.1', port, url: undefined } })));

  if (!realCommands.redis || !realCommands.mariadb) {
    it('kills the real instances only when CI_REDIS_STOP_CMD/CI_REDIS_START_CMD and CI_MARIADB_STOP_CMD/CI_MARIADB_START_CMD are set (.ci/run sets them for dedicated instances)');
  }
});
