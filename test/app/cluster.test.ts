import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../config';
import { createAppContext } from '../../app/bootstrap';
import type { AppContext } from '../../app/context';
import { ApiClient } from '../../app/sdk/client';
import { appAuthService } from '../../app/platform/gateway/appAuth';
import { sessionService } from '../../app/platform/sessions/sessions';
import { insertId } from '../../app/storage/db';
import { RedisKvStore } from '../../app/storage/kv/redis';
import { createMysqlDatabase, usingMysql, usingRedis } from '../helpers/harness';
import { freePort } from '../helpers/tcpProxy';

const ROOT = path.join(__dirname, '..', '..');

/** The worker processes of a primary (its other children, such as tsx's esbuild service, not counted). */
function workerPids(primary: number): number[] {
  const listing = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(primary)], { encoding: 'utf8' }).stdout;
  return listing
    .split('\n')
    .filter((line) => line.includes('app/main.ts'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
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

// Several processes only make sense on shared storage (the server refuses WORKERS > 1 without it), so
// this suite exists in the MariaDB + Redis pass of the test run.
if (usingMysql() && usingRedis()) {
  describe('app/main with two workers on MariaDB + Redis: every piece of state is shared', function () {
    this.timeout(60_000);
    let child: ChildProcess;
    let setup: AppContext;
    let dropDatabase: () => Promise<void>;
    let client: ApiClient;
    let token: string;

    before(async () => {
      const base = loadConfig({ ...process.env, NODE_ENV: 'test' });
      const database = await createMysqlDatabase(base.db);
      dropDatabase = database.drop;
      const prefix = `test:cluster:${crypto.randomBytes(4).toString('hex')}:`;
      // Schema, an appid and a logged-in member, made through the project's own services.
      setup = await createAppContext(
        { ...base, db: { ...base.db, url: undefined, database: database.database } },
        { kv: new RedisKvStore(process.env.REDIS_URL!, prefix) },
      );
      const appid = await setup.use(appAuthService).create({ apiType: 'app', name: 'cluster test' });
      const userId = await insertId(setup.db('users').insert({ open_id: crypto.randomBytes(16).toString('hex'), mobile: '13912345678', nickname: '139****5678', status: 1 }));
      token = await setup.use(sessionService).issue(userId, 1, 'app');

      const port = await freePort();
      child = spawn(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          WORKERS: '2',
          HOST: '127.0.0.1',
          PORT: String(port),
          DB_CLIENT: 'mysql',
          DATABASE_URL: '',
          DB_NAME: database.database,
          REDIS_KEY_PREFIX: prefix,
          DEMO_SEED: 'false',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const url = `http://127.0.0.1:${port}`;
      await waitForHealth(url, child);
      client = new ApiClient({ url, appid: appid.appid, secret: appid.secret, platform: 1 });
    });

    after(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await setup?.close();
      await dropDatabase?.();
    });

    it('runs two worker processes under one primary', () => {
      expect(workerPids(child.pid!)).to.have.length(2);
    });

    it('a signed write sent 20 times at once is accepted exactly once, whichever worker gets it', async () => {
      const data = client.buildData('system.request.token');
      const sign = crypto.createHash('md5').update(data + (client as unknown as { options: { secret: string } }).options.secret).digest('hex').toUpperCase();
      const answers = await Promise.all(Array.from({ length: 20 }, () => client.send(data, sign)));
      expect(answers.filter((a) => a.code === 200)).to.have.length(1);
      expect(answers.filter((a) => a.msg === 'duplicate request')).to.have.length(19);
    });

    it('a session opened elsewhere works on every worker, and a logout on one ends it on all', async () => {
      const before = await Promise.all(Array.from({ length: 10 }, () => client.call('user.detail', {}, { token })));
      expect(before.map((a) => a.code)).to.deep.equal(Array(10).fill(200));
      expect((await client.call('user.logout', {}, { token })).code).to.equal(200);
      const after = await Promise.all(Array.from({ length: 10 }, () => client.call('user.detail', {}, { token })));
      expect(after.map((a) => a.code)).to.deep.equal(Array(10).fill(601));
    });

    it('a primary stopped by SIGTERM stops its workers', async () => {
      const workers = workerPids(child.pid!);
      expect(workers).to.have.length(2);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).to.equal(0);
      for (const pid of workers) expect(() => process.kill(pid, 0)).to.throw();
    });
  });
}
