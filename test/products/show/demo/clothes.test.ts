import { expect } from 'chai';
import { seed } from '../../../../app/products/show/demo/030_clothes';
import { useShowServer, type ShowUser } from '../helpers';

type MCloth = { cloth_id: string; merchant: { uid: string } };

/** The clothes demo on the demo people (made here as 010_people makes them: phones 13900139000..011). */
describe('show demo: clothes', () => {
  const show = useShowServer();
  const people: ShowUser[] = [];
  const count = async (table: string, where: Record<string, unknown> = {}) => Number((await show.server.app.db(table).where(where).count({ n: '*' }))[0].n);

  it('skips cleanly while the demo people are absent', async () => {
    await seed(show.server.app);
    expect(await count('show_clothes')).to.equal(0);
  });

  it('writes 20 design and 30 merchant clothes, ~200 likes with exact counters, and the similarities', async () => {
    for (let n = 0; n < 12; n++) {
      const mobile = `139001390${String(n).padStart(2, '0')}`;
      people.push(n >= 3 && n <= 5 ? await show.merchant({ name: `店铺${n}`, mobile }) : await show.person({ mobile }));
    }
    await seed(show.server.app);
    expect(await count('show_clothes', { kind: 'design' })).to.equal(20);
    expect(await count('show_clothes', { kind: 'merchant' })).to.equal(30);
    expect(await count('show_cloth_likes')).to.be.within(170, 230);
    const drift = await show.server.app
      .db('show_clothes as c')
      .leftJoin(show.server.app.db('show_cloth_likes').select('cloth_id').count({ n: '*' }).groupBy('cloth_id').as('l'), 'l.cloth_id', 'c.id')
      .whereRaw('c.like_count <> COALESCE(l.n, 0)')
      .select('c.id');
    expect(drift).to.deep.equal([]);
    expect(await count('show_cloth_similarity')).to.be.greaterThan(100);
  });

  it('every cloth list answers non-empty for the demo user, and the recommendation is their 国风, not the popular 通勤', async () => {
    const [demo] = people;
    const [traditional, minimal] = [people[5], people[4]];
    for (const [method, key] of [['design.circle.cloth.list', 'design_circle_cloth_list'], ['merchant.cloth.list', 'merchant_cloth_list'], ['recommend.merchant.cloth.list', 'recommend_merchant_cloth_list']]) {
      expect((await show.as<Record<string, unknown[]>>(demo, method))[key], method).to.have.length(20);
    }
    const recommended = (await show.as<{ recommend_merchant_cloth_list: MCloth[] }>(demo, 'recommend.merchant.cloth.list', { limit: 5 })).recommend_merchant_cloth_list;
    expect(recommended.map((c) => c.merchant.uid)).to.deep.equal(Array(5).fill(traditional.uid));
    const popular = await show.server.app.db('show_clothes').where({ kind: 'merchant' }).orderBy([{ column: 'like_count', order: 'desc' }, { column: 'id', order: 'asc' }]).limit(5).select('merchant_user_id');
    expect(popular.map((r) => Number(r.merchant_user_id))).to.deep.equal(Array(5).fill(minimal.id));
  });
});
