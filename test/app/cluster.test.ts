import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { expect } from 'chai';
import { ApiClient } from '../../app/sdk/client';
import { appAuthService } from '../../app/platform/gateway/appAuth';
import { sessionService } from '../../app/platform/sessions/sessions';
import { insertId } from '../../app/storage/db';
import { usingMysql, usingRedis } from '../helpers/harness';
import { prepareServerStorage, spawnServer, stopSpawned, type ServerStorage, type SpawnedServer } from '../helpers/spawnServer';

/** The worker processes of a primary (its other children, such as tsx's esbuild service, not counted). */
function workerPids(primary: number): number[] {
  const listing = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(primary)], { encoding: 'utf8' }).stdout;
  return listing
    .split('\n')
    .filter((line) => line.includes('app/main.ts'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

// Several processes only make sense on shared storage (the server refuses WORKERS > 1 without it), so
// this suite exists in the MariaDB + Redis pass of the test run.
if (usingMysql() && usingRedis()) {
  describe('app/main with two workers on MariaDB + Redis: every piece of state is shared', function () {
    this.timeout(60_000);
    let storage: ServerStorage;
    let server: SpawnedServer;
    let client: ApiClient;
    let token: string;

    before(async () => {
      storage = await prepareServerStorage();
      // An appid and a logged-in member, made through the project's own services.
      const appid = await storage.setup.use(appAuthService).create({ apiType: 'app', name: 'cluster test' });
      const userId = await insertId(storage.setup.db('users').insert({ open_id: crypto.randomBytes(16).toString('hex'), mobile: '13912345678', nickname: '139****5678', status: 1 }));
      token = await storage.setup.use(sessionService).issue(userId, 1, 'app');
      server = await spawnServer({ ...storage.env, WORKERS: '2' });
      client = new ApiClient({ url: server.url, appid: appid.appid, secret: appid.secret, platform: 1 });
    });

    after(async () => {
      await stopSpawned(server);
      await storage?.close();
    });

    it('runs two worker processes under one primary', () => {
      expect(workerPids(server.child.pid!)).to.have.length(2);
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
      const workers = workerPids(server.child.pid!);
      expect(workers).to.have.length(2);
      server.child.kill('SIGTERM');
      expect(await server.exited).to.equal(0);
      for (const pid of workers) expect(() => process.kill(pid, 0)).to.throw();
    });
  });
}
