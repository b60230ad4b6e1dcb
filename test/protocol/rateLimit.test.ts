import { expect } from 'chai';
import { AppContext } from '../../app/context';
import { signData } from '../../app/protocol/signature';
import { rateLimiter } from '../../app/platform/gateway/rateLimiter';
import { startTestServer, type TestClient, type TestServer } from '../helpers/harness';
import { probeMethods } from '../helpers/probes';

describe('protocol: rate limit of signed calls per appid and client IP', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer({ rateLimit: { perMinute: 5 } }, { extraMethods: probeMethods });
    // Start at the beginning of a minute, so the test's calls share one window.
    server.clock.advance(60_000 - (server.clock.now() % 60_000) + 1);
    client = await server.client('app');
  });
  after(() => server.stop());

  it('counts only correctly signed calls: badly signed ones are refused without using the budget', async () => {
    const data = client.buildData('probe.echo');
    for (let i = 0; i < 10; i++) {
      expect((await client.send(data, signData(data, 'wrong secret'))).msg).to.equal('signature error');
    }
    for (let i = 0; i < 5; i++) expect((await client.call('probe.echo')).code, `call ${i + 1}`).to.equal(200);
    // Counts reach the shared per-minute counter at the next flush (each second); it expires on its own.
    await server.app.use(rateLimiter).flush();
    const key = `rate:${client.appid}:127.0.0.1:${Math.floor(server.clock.now() / 60_000)}`;
    expect(await server.app.kv.get(key)).to.equal('5');
    expect(await server.app.kv.ttl(key)).to.be.within(1, 61_000);
  });

  let refusedWrite: { data: string; sign: string };

  it('refuses the call past the limit, saying how long to wait', async () => {
    const data = client.buildData('probe.write');
    refusedWrite = { data, sign: signData(data, client.secret) };
    const refused = await client.send(refusedWrite.data, refusedWrite.sign);
    expect(refused.code).to.equal(503);
    expect(refused.msg).to.match(/^too many requests: try again in \d+ s$/);
  });

  it('another appid from the same address has its own budget', async () => {
    const other = await server.client('app');
    expect((await other.call('probe.echo')).code).to.equal(200);
  });

  it('processes share one budget through the KV store, each learning the total at its next flush', async () => {
    const caller = await server.client('app');
    // A second process: its own limiter, the same KV store.
    const otherProcess = new AppContext(server.config, server.app.db, server.app.kv, server.clock, server.app.logger);
    const elsewhere = otherProcess.use(rateLimiter);
    for (let i = 0; i < 4; i++) expect(elsewhere.hit(caller.appid, '127.0.0.1')).to.equal(0);
    await elsewhere.flush();
    expect((await caller.call('probe.echo')).code).to.equal(200); // 5th: this process has not flushed yet
    await server.app.use(rateLimiter).flush();
    expect((await caller.call('probe.echo')).msg).to.match(/^too many requests/);
  });

  it('the next minute starts afresh, and a write refused unheard may be sent again', async () => {
    server.clock.advance(60_000);
    expect((await client.call('probe.echo')).code).to.equal(200);
    expect((await client.send(refusedWrite.data, refusedWrite.sign)).code).to.equal(200);
  });
});
