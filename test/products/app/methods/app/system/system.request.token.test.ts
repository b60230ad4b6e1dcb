import { expect } from 'chai';
import { MAX_UNSPENT_PER_WINDOW, requestTokenService } from '../../../../../../app/platform/gateway/requestTokens';
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
    expect(await server.app.use(requestTokenService).ownerOfToken(answer.data!.token)).to.equal(`a:${client.appid}`);
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

  it(`caps unspent tokens per holder at ${MAX_UNSPENT_PER_WINDOW} a window: a clear 503 past it, spending frees one, the next window starts afresh`, async () => {
    const guest = await server.client('app');
    for (let i = 0; i < MAX_UNSPENT_PER_WINDOW / 5; i++) expect((await guest.call('system.request.token', { number: 5 })).code).to.equal(200);
    const refused = await guest.call('system.request.token', { number: 1 });
    expect(refused).to.deep.equal({ code: 503, msg: `too many unspent request tokens (at most ${MAX_UNSPENT_PER_WINDOW} per 30 minutes): spend the ones you have, or try again later` });

    const tokens = server.app.use(requestTokenService);
    const elsewhere = { user: null, appid: guest.appid, ip: '10.1.2.3' };
    const held: string[] = [];
    for (let i = 0; i < MAX_UNSPENT_PER_WINDOW / 5; i++) held.push(...(await tokens.issue(elsewhere, 5)));
    expect(held, 'another address of the same guest appid has its own cap').to.have.length(MAX_UNSPENT_PER_WINDOW);
    expect((await rejectionOf(tokens.issue(elsewhere, 1))).message).to.match(/^too many unspent request tokens/);
    await tokens.consume(held[0], { user: null, appid: guest.appid });
    expect(await tokens.issue(elsewhere, 1), 'spending one frees one').to.have.length(1);
    expect((await rejectionOf(tokens.issue(elsewhere, 1))).message).to.match(/^too many unspent request tokens/);

    server.clock.advance(30 * 60 * 1000);
    expect((await guest.call('system.request.token', { number: 5 })).code).to.equal(200);
  });
});
