import { expect } from 'chai';
import { appAuthService } from '../../../app/platform/gateway/appAuth';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/harness';
import { probeMethods } from '../../helpers/probes';

describe('appids: rotation and caching', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer({ protocol: { appidCacheMs: 5_000 } }, { extraMethods: probeMethods });
  });
  beforeEach(async () => {
    client = await server.client('app');
  });
  after(() => server.stop());

  it('after a rotation the old secret verifies until its grace ends, then answers 503; the new one verifies', async () => {
    const oldSecret = client.secret;
    const rotated = await server.app.use(appAuthService).rotate(client.appid, 3600);
    expect(rotated!.secret).to.not.equal(oldSecret);
    expect((await client.call('probe.echo')).code).to.equal(200);
    server.clock.advance(3601 * 1000);
    // the clients' timestamps follow the clock, so only the secret differs
    expect(await client.call('probe.echo')).to.deep.equal({ code: 503, msg: 'signature error' });
    (client as unknown as { options: { secret: string } }).options.secret = rotated!.secret;
    expect((await client.call('probe.echo')).code).to.equal(200);
  });

  it('a disabled appid keeps working only until the cache expires, then answers 403', async () => {
    expect((await client.call('probe.echo')).code).to.equal(200);
    // Disabled by another process: this one only learns it when its cached copy expires.
    await server.app.db('api_auth').where({ appid: client.appid }).update({ status: 0 });
    expect((await client.call('probe.echo')).code).to.equal(200);
    server.clock.advance(5_001);
    expect(await client.call('probe.echo')).to.deep.equal({ code: 403, msg: 'appid not allowed' });
  });

  it('disabling through the service takes effect at once in this process', async () => {
    await server.app.use(appAuthService).setStatus(client.appid, false);
    expect((await client.call('probe.echo')).code).to.equal(403);
  });

  it('refuses a malformed allow-list rather than storing it', async () => {
    let error: Error | undefined;
    try {
      await server.app.use(appAuthService).setIpAllow(client.appid, '10.0.0.0/40');
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.match(/CIDR/);
  });
});
