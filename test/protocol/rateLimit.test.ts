import { expect } from 'chai';
import { signData } from '../../app/protocol/signature';
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
    // The minute's counter expires on its own (set once, by the minute's first call).
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

  it('the next minute starts afresh, and a write refused unheard may be sent again', async () => {
    server.clock.advance(60_000);
    expect((await client.call('probe.echo')).code).to.equal(200);
    expect((await client.send(refusedWrite.data, refusedWrite.sign)).code).to.equal(200);
  });
});
