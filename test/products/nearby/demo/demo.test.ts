import { expect } from 'chai';
import { seedDemoData } from '../../../../app/platform/demo';
import { NEARBY_CENTRE, NEARBY_DEMO_USER } from '../../../../app/products/nearby/demo/010_nearby';
import { ApiClient } from '../../../../app/sdk/client';
import { startTestServer, type TestServer } from '../../../helpers/harness';
import { createTestUser } from '../../../helpers/users';

/** The nearby demo: the documented login works and every list method answers something for it. */
describe('nearby demo data', () => {
  let server: TestServer;
  let nearby: ApiClient;
  let token: string;

  const call = async <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}) => {
    const answer = await nearby.call<T>(method, params, { token });
    expect(answer.code, `${method}: ${answer.msg}`).to.equal(200);
    return answer.data as T;
  };

  before(async () => {
    server = await startTestServer();
    const created = await seedDemoData(server.app);
    const appid = created.find((a) => a.api_type === 'nearby')!;
    nearby = new ApiClient({ url: server.url, appid: appid.appid, secret: appid.secret, platform: 1, now: () => Math.floor(server.clock.now() / 1000) });
    const login = await nearby.call<{ token: string; username: string }>('user.login', { mobile: NEARBY_DEMO_USER.mobile, login_type: 2, password: NEARBY_DEMO_USER.password });
    expect(login.code, login.msg).to.equal(200);
    expect(login.data!.username).to.equal(NEARBY_DEMO_USER.username);
    token = login.data!.token;
  });
  after(() => server.stop());

  it('has 15 residents, 40 tagged items, ~600 actions and neighbours computed', async () => {
    const count = async (table: string) => Number((await server.app.db(table).count({ n: '*' }))[0].n);
    expect(await count('nearby_items')).to.equal(40);
    expect(await count('nearby_item_actions')).to.be.within(550, 650);
    expect(await count('nearby_item_similarity')).to.be.greaterThan(0);
    expect(await count('nearby_item_tags')).to.be.greaterThan(80);
  });

  it('every list method answers non-empty for the demo user', async () => {
    expect((await call<{ list: unknown[] }>('community.list', { ...NEARBY_CENTRE })).list.length).to.be.greaterThan(10);
    expect((await call<{ total: number }>('community.list', { ...NEARBY_CENTRE, distance: 5000 })).total).to.equal(25);
    expect((await call<{ list: unknown[] }>('msg.sys', { if_new: 2 })).list).to.have.length(4);
    expect((await call<{ unit_num: number }>('msg.private', { if_new: 2 })).unit_num).to.equal(4);
    expect((await call<{ num: number }>('msg.msg_list')).num).to.equal(4);
    const unread = await call<{ sys: number; private: number }>('msg.has_new');
    expect(unread.sys).to.be.greaterThan(0);
    expect(unread.private).to.be.greaterThan(0);
    expect((await call<{ list: unknown[] }>('msg.filter', { type: 'activity', if_new: 2 })).list).to.have.length(1);
    const index = await call<{ rcmdItemList: Array<{ id: string }> }>('recommend.index', { limit: 10 });
    expect(index.rcmdItemList).to.have.length(10);
    const firstItem = (await server.app.db('nearby_items').orderBy('id').first('id')).id;
    expect((await call<{ rcmdItemList: unknown[] }>('recommend.item', { item_id: String(firstItem) })).rcmdItemList).to.have.length(10);
  });

  it('the demo user\'s recommendations follow their taste (clothes), not plain popularity', async () => {
    const newcomer = await createTestUser(server, { apiType: 'nearby' });
    const popular = await nearby.call<{ rcmdItemList: Array<{ id: string }> }>('recommend.index', { limit: 5 }, { token: newcomer.token });
    const mine = await call<{ rcmdItemList: Array<{ id: string; categoryItem: { name: string } }> }>('recommend.index', { limit: 5 });
    expect(mine.rcmdItemList.map((r) => r.id)).not.to.deep.equal(popular.data!.rcmdItemList.map((r) => r.id));
    const clothes = mine.rcmdItemList.filter((r) => /装|裙|衫|裤|衣|鞋/.test(r.categoryItem.name));
    expect(clothes.length).to.be.at.least(4);
  });
});
