import { expect } from 'chai';
import { userDirectory } from '../../../../app/platform/identity/users';
import { SHOW_DEMO_PHONES } from '../../../../app/products/show/demo/010_people';
import { seed as seedClothes } from '../../../../app/products/show/demo/030_clothes';
import { startTestServer, type TestServer } from '../../../helpers/harness';
import { seedDemoAndLogin, type DemoSession } from '../helpers';

type MCloth = { cloth_id: string; merchant: { uid: string } };

/** The clothes demo on the demo people of 010_people, called as the documented demo user. */
describe('show demo: 030_clothes', () => {
  let server: TestServer;
  let demo: DemoSession;
  const call: DemoSession['call'] = (method, params) => demo.call(method, params);
  const count = async (table: string, where: Record<string, unknown> = {}) => Number((await server.app.db(table).where(where).count({ n: '*' }))[0].n);
  const person = async (index: number) => (await server.app.use(userDirectory).byMobile(SHOW_DEMO_PHONES[index]))!;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('writes nothing while the demo people are absent', async () => {
    await seedClothes(server.app);
    expect(await count('show_clothes')).to.equal(0);
  });

  it('with the people: 20 design and 30 merchant clothes, ~200 likes with exact counters, and the similarities', async () => {
    demo = await seedDemoAndLogin(server);

    expect(await count('show_clothes', { kind: 'design' })).to.equal(20);
    expect(await count('show_clothes', { kind: 'merchant' })).to.equal(30);
    expect(await count('show_cloth_likes')).to.be.within(170, 230);
    const drift = await server.app
      .db('show_clothes as c')
      .leftJoin(server.app.db('show_cloth_likes').select('cloth_id').count({ n: '*' }).groupBy('cloth_id').as('l'), 'l.cloth_id', 'c.id')
      .whereRaw('c.like_count <> COALESCE(l.n, 0)')
      .select('c.id');
    expect(drift).to.deep.equal([]);
    expect(await count('show_cloth_similarity')).to.be.greaterThan(100);
  });

  it('every cloth list answers non-empty for the demo user, and the recommendation is their 国风, not the popular 通勤', async () => {
    for (const [method, key] of [['design.circle.cloth.list', 'design_circle_cloth_list'], ['merchant.cloth.list', 'merchant_cloth_list'], ['recommend.merchant.cloth.list', 'recommend_merchant_cloth_list']]) {
      expect((await call<Record<string, unknown[]>>(method))[key], method).to.have.length(20);
    }
    const [traditional, minimal] = [await person(5), await person(4)];
    const recommended = (await call<{ recommend_merchant_cloth_list: MCloth[] }>('recommend.merchant.cloth.list', { limit: 5 })).recommend_merchant_cloth_list;
    expect(recommended.map((c) => c.merchant.uid)).to.deep.equal(Array(5).fill(traditional.open_id));
    const popular = await server.app.db('show_clothes').where({ kind: 'merchant' }).orderBy([{ column: 'like_count', order: 'desc' }, { column: 'id', order: 'asc' }]).limit(5).select('merchant_user_id');
    expect(popular.map((r) => Number(r.merchant_user_id))).to.deep.equal(Array(5).fill(minimal.id));
  });
});
