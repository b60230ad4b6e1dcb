import { expect } from 'chai';
import { seedContent } from '../../../../../../app/products/app/demo/020_content';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectShape } from '../../../../../helpers/shape';

/** The seed's example answer (2.16). */
const EXAMPLE = { ads: [{ ad_id: 6, ad_name: '世界杯广告', ad_image_url: 'http://xxx.com/files/5b9a1b9e34193.png', ad_url: 'http://www.baidu.com' }] };

describe('system.home', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
  });
  after(() => server.stop());

  it('answers {ads: []} while there is no app_home position', async () => {
    expect(await client.call('system.home')).to.deep.equal({ code: 200, msg: 'success', data: { ads: [] } });
  });

  it('answers the live app_home ads in the seed example shape', async () => {
    const seeded = await seedContent(server.app);
    const answer = await client.call<typeof EXAMPLE>('system.home', { platform: 2 });
    expect(answer.code).to.equal(200);
    expectShape(answer.data, EXAMPLE);
    expect(answer.data!.ads.map((a) => a.ad_id)).to.deep.equal(seeded.ads.homeLive);
  });
});
