import { expect } from 'chai';
import { unixSeconds } from '../../../../../../app/core/clock';
import { insertId } from '../../../../../../app/storage/db';
import { seedContent, type SeededContent } from '../../../../../../app/products/app/demo/020_content';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectShape } from '../../../../../helpers/shape';
import { createTestUser } from '../../../../../helpers/users';

/** The seed's example answer (2.13). */
const EXAMPLE = { list: [{ ad_id: 6, ad_name: '世界杯广告', ad_image_url: 'http://xx.com/files/5b9a1b9e34193.png', ad_url: 'http://www.baidu.com' }] };
type Ads = typeof EXAMPLE;

describe('system.ads', () => {
  let server: TestServer;
  let client: TestClient;
  let seeded: SeededContent;
  let now: number;

  const position = (pos_code: string, pos_ad_count = 5, status = 1) =>
    insertId(server.app.db('ad_positions').insert({ pos_name: pos_code, pos_code, pos_ad_count, status }));
  const ad = (pos_id: number, ad_name: string, extra: Record<string, unknown> = {}) =>
    insertId(
      server.app.db('ads').insert({
        pos_id, ad_name, ad_image_url: `img-${ad_name}`, ad_url: `url-${ad_name}`,
        start_time: now - 60, end_time: now + 3600, display: 1, status: 1, listorder: 0, terminal: 0, type_flag: 3,
        ...extra,
      }),
    );
  const names = async (code: string, params: Record<string, unknown> = {}, token = '') => {
    const answer = await client.call<Ads>('system.ads', { code, ...params }, { token });
    expect(answer.code, answer.msg).to.equal(200);
    return answer.data!.list.map((a) => a.ad_name);
  };

  before(async () => {
    server = await startTestServer();
    seeded = await seedContent(server.app);
    client = await server.client('app');
    now = unixSeconds(server.clock);
  });
  after(() => server.stop());

  it('answers the live ads of a position in the seed example shape, by list order', async () => {
    const answer = await client.call<Ads>('system.ads', { code: 'app_home' });
    expect(answer.code).to.equal(200);
    expectShape(answer.data, EXAMPLE);
    expect(answer.data!.list.map((a) => a.ad_id)).to.deep.equal(seeded.ads.homeLive); // the expired one is left out
  });

  it('accepts place_code for code, and refuses an unknown or retired position with 503', async () => {
    expect((await client.call<Ads>('system.ads', { place_code: 'APP_START_AD' })).data!.list.map((a) => a.ad_id)).to.deep.equal([seeded.ads.start]);
    expect(await client.call('system.ads', { code: 'nowhere' })).to.deep.equal({ code: 503, msg: 'the ad position does not exist or is offline' });
    await position('retired', 5, 2);
    expect((await client.call('system.ads', { code: 'retired' })).code).to.equal(503);
    const missing = await client.call('system.ads', {});
    expect(missing.code).to.equal(503);
    expect(missing.msg).to.contain('code');
  });

  it('leaves out hidden, deleted, not yet started and ended ads, orders by listorder then newest, and caps at the count', async () => {
    const pos = await position('window', 3);
    await ad(pos, 'hidden', { display: 0 });
    await ad(pos, 'deleted', { status: 2 });
    await ad(pos, 'future', { start_time: now + 600 });
    await ad(pos, 'ended', { end_time: now - 1 });
    await ad(pos, 'third', { listorder: 5 });
    await ad(pos, 'first', { listorder: 1 });
    await ad(pos, 'older-second', { listorder: 2 });
    await ad(pos, 'second', { listorder: 2 });
    expect(await names('window')).to.deep.equal(['first', 'second', 'older-second']);
  });

  it('filters by platform bits (0 = every platform); iOS gets the tall image when there is one', async () => {
    const pos = await position('platforms');
    await ad(pos, 'all', { listorder: 0, ad_ipx_image_url: 'tall-all' });
    await ad(pos, 'ios', { listorder: 1, terminal: 2 });
    await ad(pos, 'android', { listorder: 2, terminal: 1 });
    await ad(pos, 'h5+pc', { listorder: 3, terminal: 8 | 4 });
    expect(await names('platforms', { platform: 1 })).to.deep.equal(['all', 'ios']);
    expect(await names('platforms', { platform: 2 })).to.deep.equal(['all', 'android']);
    expect(await names('platforms', { platform: 3 })).to.deep.equal(['all', 'h5+pc']);
    expect(await names('platforms', { platform: 0 })).to.deep.equal(['all']);
    const ios = await client.call<Ads>('system.ads', { code: 'platforms', platform: 1 });
    expect(ios.data!.list.map((a) => a.ad_image_url)).to.deep.equal(['tall-all', 'img-ios']);
    const android = await client.call<Ads>('system.ads', { code: 'platforms', platform: 2 });
    expect(android.data!.list[0].ad_image_url).to.equal('img-all');
  });

  it('filters by audience: users, guests, users registered 30 days or more', async () => {
    const pos = await position('audience');
    await ad(pos, 'users', { listorder: 1, type_flag: 1 });
    await ad(pos, 'guests', { listorder: 2, type_flag: 2 });
    await ad(pos, 'veterans', { listorder: 3, type_flag: 4 });
    const fresh = await createTestUser(server);
    const veteran = await createTestUser(server, { registeredAt: now - 31 * 24 * 3600 });
    expect(await names('audience')).to.deep.equal(['guests']);
    expect(await names('audience', {}, 'dead-token')).to.deep.equal(['guests']);
    expect(await names('audience', {}, fresh.token)).to.deep.equal(['users']);
    expect(await names('audience', {}, veteran.token)).to.deep.equal(['users', 'veterans']);
  });
});
