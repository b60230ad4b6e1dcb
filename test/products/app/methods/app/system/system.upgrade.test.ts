import { expect } from 'chai';
import { seedContent } from '../../../../../../app/products/app/demo/020_content';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectShape } from '../../../../../helpers/shape';

/** The seed's example answer (2.2). */
const EXAMPLE = { upgrade_way: 0, app_v: '', app_title: '', app_desc: '', app_url: '', dialog_repeat: 0, origin_v: '1.0.0' };

describe('system.upgrade', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer();
    await seedContent(server.app);
    client = await server.client('app');
  });
  after(() => server.stop());

  it('advises an Android 1.0.0 to the newest version, with its download link', async () => {
    const answer = await client.call<typeof EXAMPLE>('system.upgrade', { platform: 2, app_v: '1.0.0' });
    expect(answer.code).to.equal(200);
    expectShape(answer.data, EXAMPLE);
    expect(answer.data).to.include({ upgrade_way: 1, app_v: '1.0.1', origin_v: '1.0.0', dialog_repeat: 0 });
    expect(answer.data!.app_url).to.match(/^https:\/\/.+1\.0\.1\.apk$/);
  });

  it('answers the same under the alias app.upgrade, iOS without a link; a dead token is a guest', async () => {
    const answer = await client.call<typeof EXAMPLE>('app.upgrade', { platform: 1, app_v: '0.9.0' }, { token: 'dead' });
    expect(answer.code).to.equal(200);
    expect(answer.data).to.include({ upgrade_way: 2, app_v: '1.0.1', app_url: '', dialog_repeat: 1, origin_v: '0.9.0' });
  });

  it('answers way 0 with empty fields for the newest version, as the seed example', async () => {
    const answer = await client.call('system.upgrade', { platform: 1, app_v: '1.0.1' });
    expect(answer.data).to.deep.equal({ ...EXAMPLE, origin_v: '1.0.1' });
  });

  it('refuses a platform that is not iOS/Android and a malformed app_v with 503', async () => {
    const web = await client.call('system.upgrade', { platform: 3, app_v: '1.0.0' });
    expect(web).to.deep.equal({ code: 503, msg: 'platform must be 1 (iOS) or 2 (Android)' });
    const malformed = await client.call('system.upgrade', { platform: 2, app_v: 'v1' });
    expect(malformed.code).to.equal(503);
    expect(malformed.msg).to.match(/app_v/);
  });
});
