import http from 'node:http';
import net from 'node:net';
import { expect } from 'chai';
import { ApiClient, signData } from '../../app/sdk/client';
import { appAuthService } from '../../app/platform/gateway/appAuth';
import { prepareServerStorage, spawnServer, stopSpawned, type ServerStorage, type SpawnedServer } from '../helpers/spawnServer';

/**
 * A call whose body the test sends in two halves: the server has the request (it answered
 * `100 Continue`) and waits for the rest, so the call is in flight for exactly as long as the test wants.
 */
class HeldCall {
  private readonly request: http.ClientRequest;
  readonly answer: Promise<{ status: number; body: string }>;
  private readonly continued: Promise<void>;

  constructor(url: string, private readonly body: string) {
    const { hostname, port } = new URL(url);
    this.request = http.request({
      host: hostname,
      port,
      method: 'POST',
      path: '/',
      agent: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
    });
    this.continued = new Promise((resolve) => this.request.once('continue', () => resolve()));
    this.answer = new Promise((resolve, reject) => {
      this.request.once('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      this.request.once('error', reject);
    });
    this.answer.catch(() => undefined);
    this.request.flushHeaders();
  }

  /** Resolves when the server has the request and half its body. */
  async started(): Promise<void> {
    await this.continued;
    this.request.write(this.body.slice(0, this.body.length >> 1));
  }

  finish(): void {
    this.request.end(this.body.slice(this.body.length >> 1));
  }
}

/** Whether a new connection to the port is refused (the server no longer accepts). */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function pollUntil(check: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const until = performance.now() + withinMs;
  while (performance.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('app/main: SIGTERM lets the calls in flight finish', function () {
  this.timeout(40_000);
  let storage: ServerStorage;
  let appid: { appid: string; secret: string };
  let catId: number | undefined;

  before(async () => {
    storage = await prepareServerStorage();
    appid = await storage.setup.use(appAuthService).create({ apiType: 'admin', name: 'shutdown test' });
  });
  after(() => storage?.close());

  /** The signed form body of a link.add, through the spawned server (which makes the category first). */
  async function linkAddBody(server: SpawnedServer, name: string): Promise<string> {
    const client = new ApiClient({ url: server.url, appid: appid.appid, secret: appid.secret });
    if (catId === undefined) {
      const answer = await client.call<{ cat_id: number }>('category.add', { admin_id: 1, cat_type: 2, cat_name: 'shutdown' });
      expect(answer.code, answer.msg).to.equal(200);
      catId = answer.data!.cat_id;
    }
    const data = client.buildData('link.add', { admin_id: 1, cat_id: catId, link_name: name, link_url: 'https://shutdown.test' });
    return new URLSearchParams({ data, sign: signData(data, appid.secret) }).toString();
  }

  it('stops accepting at once, answers every held call with 200, writes them, flushes their log lines and exits 0', async () => {
    const server = await spawnServer({ ...storage.env, LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '20000' });
    try {
      const bodies: string[] = [];
      for (let i = 0; i < 5; i++) bodies.push(await linkAddBody(server, `held ${i}`));
      const calls = bodies.map((body) => new HeldCall(server.url, body));
      await Promise.all(calls.map((c) => c.started()));
      server.child.kill('SIGTERM');
      expect(await pollUntil(() => refusesConnections(server.port), 5_000), 'new connections are refused').to.equal(true);
      expect(server.child.exitCode, 'still running while calls are in flight').to.equal(null);

      for (const c of calls) c.finish();
      const answers = await Promise.all(calls.map((c) => c.answer));
      for (const { status, body } of answers) {
        expect(status).to.equal(200);
        expect(JSON.parse(body)).to.include({ code: 200 });
      }
      expect(await server.exited).to.equal(0);

      const stored = await storage.setup.db('links').where({ cat_id: catId }).pluck('link_name');
      expect(stored.sort()).to.deep.equal(calls.map((_, i) => `held ${i}`));
      const lines = server.stdout().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.filter((l) => l.method === 'link.add' && l.code === 200), 'the log of every call reached stdout').to.have.length(5);
      expect(lines.map((l) => l.msg)).to.include('stopping: finishing the calls in flight');
    } finally {
      await stopSpawned(server);
    }
  });

  it('a call that does not finish within SHUTDOWN_GRACE_MS is cut, and the process still exits 0 soon after', async () => {
    const server = await spawnServer({ ...storage.env, LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '300' });
    try {
      const stuck = new HeldCall(server.url, await linkAddBody(server, 'never finished'));
      await stuck.started();
      const started = performance.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).to.equal(0);
      expect(performance.now() - started).to.be.below(3_000);
      expect(await stuck.answer.then(() => 'answered', () => 'cut')).to.equal('cut');
      expect(server.stdout()).to.match(/calls still running after the grace period were cut/);
    } finally {
      await stopSpawned(server);
    }
  });
});
