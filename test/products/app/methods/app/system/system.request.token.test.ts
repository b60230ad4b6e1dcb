import { expect } from 'chai';
import { requestTokenService } from '../../../../../../app/platform/gateway/requestTokens';
import { rejectionOf } from '../../../../../helpers/errors';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';

describe('system.request.token', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
  });
  after(() => server.stop());

  it('issues one token by default, stored single-use in the KV store', async () => {
    const answer = await client.call<{ token: string; tokens: string[] }>('system.request.token');
    expect(answer.code).to.equal(200);
    expect(answer.data!.token).to.match(/^[0-9a-f]{32}$/);
    expect(answer.data!.tokens).to.deep.equal([answer.data!.token]);
    expect(await server.app.kv.get(`rtok:${answer.data!.token}`)).to.equal(`a:${client.appid}`);
  });

  it('issues up to five distinct tokens, "number" as a numeric string too', async () => {
    const answer = await client.call<{ tokens: string[] }>('system.request.token', { number: '5' });
    expect(answer.code).to.equal(200);
    expect(new Set(answer.data!.tokens).size).to.equal(5);
  });

  for (const number of [0, 6, 'x', 1.5]) {
    it(`refuses number=${JSON.stringify(number)} with 503 naming the field`, async () => {
      const answer = await client.call('system.request.token', { number });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('number');
      expect(answer).not.to.have.property('data');
    });
  }

  it('tokens are spent once, by their owner only', async () => {
    const { data } = await client.call<{ tokens: string[] }>('system.request.token', { number: 2 });
    const tokens = server.app.use(requestTokenService);
    const owner = { user: null, appid: client.appid };
    await tokens.consume(data!.tokens[0], owner);
    expect((await rejectionOf(tokens.consume(data!.tokens[0], owner))).message).to.match(/already used/);
    expect((await rejectionOf(tokens.consume(data!.tokens[1], { user: null, appid: 'someone_else' }))).message).to.match(/does not belong/);
  });

  it('only one of two concurrent spends of a token wins', async () => {
    const { data } = await client.call<{ token: string }>('system.request.token');
    const tokens = server.app.use(requestTokenService);
    const owner = { user: null, appid: client.appid };
    const results = await Promise.allSettled([tokens.consume(data!.token, owner), tokens.consume(data!.token, owner)]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
  });

  it('tokens expire after 30 minutes', async () => {
    const { data } = await client.call<{ token: string }>('system.request.token');
    server.clock.advance(30 * 60 * 1000 + 1);
    const spend = server.app.use(requestTokenService).consume(data!.token, { user: null, appid: client.appid });
    // With Redis the TTL runs on Redis's clock, which the test clock cannot move: assert where it can.
    if (server.app.kv.kind === 'memory') expect((await rejectionOf(spend)).message).to.match(/expired/);
    else await spend;
  });
});
