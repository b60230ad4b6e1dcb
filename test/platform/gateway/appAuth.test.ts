import { expect } from 'chai';
import { Writable } from 'node:stream';
import { AppContext } from '../../../app/context';
import { createLogger } from '../../../app/core/logger';
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

  describe('an admin appid and its IP allow-list (the allow-list is part of its credential)', () => {
    const contextFor = (env: string, lines: string[] = []) =>
      new AppContext(
        { ...server.config, env },
        server.app.db,
        server.app.kv,
        server.clock,
        createLogger('warn', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) })),
      ).use(appAuthService);
    const refusal = async (action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (err) {
        return (err as Error).message;
      }
      return undefined;
    };

    it('production refuses one without an allow-list, and refuses clearing the list of one', async () => {
      const auth = contextFor('production');
      expect(await refusal(() => auth.create({ apiType: 'admin', name: 'ops' }))).to.contain('IP allow-list');
      expect(await refusal(() => auth.create({ apiType: 'admin', name: 'ops', ipAllow: '  ' }))).to.contain('IP allow-list');
      const row = await auth.create({ apiType: 'admin', name: 'ops', ipAllow: '10.0.0.0/8' });
      expect(await refusal(() => auth.setIpAllow(row.appid, ''))).to.contain('IP allow-list');
      expect((await server.app.db('api_auth').where({ appid: row.appid }).first()).ip_allow).to.equal('10.0.0.0/8');
      expect((await auth.create({ apiType: 'app', name: 'phones' })).ip_allow, 'other types need none').to.equal('');
    });

    it('elsewhere it is created, with a warning in the log', async () => {
      const lines: string[] = [];
      const row = await contextFor('development', lines).create({ apiType: 'admin', name: 'ops' });
      expect(row.ip_allow).to.equal('');
      expect(lines.join('')).to.contain(row.appid).and.contain('IP allow-list');
    });
  });
});
