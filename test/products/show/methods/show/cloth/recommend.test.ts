import { expect } from 'chai';
import { expectPaged, ok, useShowServer, type ShowUser } from '../../../helpers';

type MCloth = { cloth_id: string; name: string; is_like: boolean; merchant: { uid: string } };

/**
 * recommend.merchant.cloth.list on a fixed dataset (decision 15). The caller likes the design work D1
 * and the merchant cloth A1 (国风). Likers:
 *   D1 {caller, u1, u3}  A1 {caller, u1, u2}  A2 {u1, u3}  A3 {u2, u6}
 *   B1, B2 {u4..u8}      B3 {u3, u4, u5}      T1, N1 {}    X (off sale) {u1}
 * Cosine similarities to the caller's likes: A2 2/√6 (D1) + 1/√6 (A1); A3 1/√6 (A1); B3 1/√9 (D1).
 * The caller's tags: {汉服, 国风, 刺绣, 盘扣, 上衣}; overlap = share of a candidate's tags among them:
 *   A2 1/3 (国风 of 新中式 马面裙 国风), A3 1/2 (汉服 of 汉服 披风), T1 1/2 (国风 of 发簪 国风), B* and N1 0.
 * Scores: A2 1.2247 + 0.3333 = 1.558, A3 0.4082 + 0.5 = 0.908, T1 0.5, B3 0.3333; then the rest by
 * likes of the last 30 days: B1 5, B2 5, N1 0. Plain popularity would say B1, B2, B3, A2, A3, T1, N1.
 */
describe('show recommend.merchant.cloth.list', () => {
  const show = useShowServer();
  let caller: ShowUser;
  const ids: Record<string, string> = {};
  const others: ShowUser[] = [];

  const recommended = async (who: ShowUser, page: Record<string, unknown> = {}) =>
    (await show.as<{ recommend_merchant_cloth_list: MCloth[] }>(who, 'recommend.merchant.cloth.list', page)).recommend_merchant_cloth_list;
  const named = (list: MCloth[]) => list.map((c) => Object.keys(ids).find((k) => ids[k] === c.cloth_id));
  const runJob = async () => ok<{ name: string; counts: Record<string, number> }>(await show.admin.call('job.run', { name: 'show.similarity' }));

  before(async () => {
    const guofeng = await show.merchant({ name: '国风小馆' });
    const street = await show.merchant({ name: '街头潮铺' });
    ids.D1 = await show.cloth({ kind: 'design', name: '国风刺绣汉服' });
    const merchantClothes: Array<[string, string, string, ShowUser]> = [
      ['A1', '国风盘扣上衣', '', guofeng],
      ['A2', '新中式马面裙', '国风', guofeng],
      ['A3', '汉服披风', '', guofeng],
      ['T1', '国风发簪', '', guofeng],
      ['B1', '街头连帽卫衣', '', street],
      ['B2', '工装束脚裤', '街头', street],
      ['B3', '潮牌T恤', '', street],
      ['N1', '纯色羊毛围巾', '', street],
      ['X', '国风刺绣汉服外套', '', guofeng],
    ];
    for (const [key, name, intro, merchant] of merchantClothes) ids[key] = await show.cloth({ kind: 'merchant', merchant_uid: merchant.uid, name, intro });
    caller = await show.person();
    for (let i = 1; i <= 8; i++) others.push(await show.person());
    const u = (n: number) => others[n - 1];
    const likes: Array<[ShowUser, string[]]> = [
      [caller, ['D1', 'A1']],
      [u(1), ['D1', 'A1', 'A2', 'X']],
      [u(2), ['A1', 'A3']],
      [u(3), ['D1', 'A2', 'B3']],
      [u(4), ['B1', 'B2', 'B3']],
      [u(5), ['B1', 'B2', 'B3']],
      [u(6), ['B1', 'B2', 'A3']],
      [u(7), ['B1', 'B2']],
      [u(8), ['B1', 'B2']],
    ];
    for (const [who, clothes] of likes) {
      for (const key of clothes) ok(await show.raw(who, key === 'D1' ? 'design.circle.cloth.like' : 'merchant.cloth.like', { cloth_id: ids[key] }));
    }
    ok(await show.admin.call('show.cloth.edit', { admin_id: 9, cloth_id: ids.X, status: 0 }));
  });

  it('job show.similarity (admin job.run) stores the cosine of the liker sets', async () => {
    const run = await runJob();
    expect(run.name).to.equal('show.similarity');
    expect(run.counts).to.have.all.keys('clothes', 'pairs');
    const score = async (a: string, b: string) =>
      Number((await show.server.app.db('show_cloth_similarity').where({ cloth_id: Number(ids[a]), similar_id: Number(ids[b]) }).first('score'))?.score ?? 0);
    expect(await score('D1', 'A2')).to.be.closeTo(2 / Math.sqrt(6), 1e-12);
    expect(await score('A2', 'D1')).to.be.closeTo(2 / Math.sqrt(6), 1e-12);
    expect(await score('A1', 'A3')).to.be.closeTo(1 / Math.sqrt(6), 1e-12);
    expect(await score('D1', 'B3')).to.be.closeTo(1 / 3, 1e-12);
    expect(await score('B1', 'B2')).to.be.closeTo(1, 1e-12);
    expect(await score('D1', 'B1'), 'no common liker, no row').to.equal(0);
  });

  it('orders by Σ similarity + tag overlap, then the most liked of 30 days; leaves out liked and off clothes; differs from popularity', async () => {
    const data = await show.as<Record<string, unknown>>(caller, 'recommend.merchant.cloth.list');
    const list = expectPaged(data, 'recommend_merchant_cloth_list', 7, false) as MCloth[];
    expect(named(list)).to.deep.equal(['A2', 'A3', 'T1', 'B3', 'B1', 'B2', 'N1']);
    expect(list[0]).to.have.all.keys('cloth_id', 'name', 'image', 'intro', 'price', 'created_at', 'is_like', 'merchant');
    expect(list.every((c) => c.is_like === false)).to.equal(true);

    const popularity = await show.server.app
      .db('show_clothes')
      .where({ kind: 'merchant', status: 1 })
      .whereNotIn('id', [Number(ids.A1)])
      .orderBy([{ column: 'like_count', order: 'desc' }, { column: 'id', order: 'asc' }])
      .select('id');
    expect(popularity.map((r) => Object.keys(ids).find((k) => ids[k] === String(r.id)))).to.deep.equal(['B1', 'B2', 'B3', 'A2', 'A3', 'T1', 'N1']);
    expect(named(list)).not.to.deep.equal(popularity.map((r) => Object.keys(ids).find((k) => ids[k] === String(r.id))));
  });

  it('is deterministic and pages the same ranking', async () => {
    await runJob();
    const whole = named(await recommended(caller, { limit: 100 }));
    const page = await show.as<Record<string, unknown>>(caller, 'recommend.merchant.cloth.list', { limit: 2, offset: 2 });
    expect(named(expectPaged(page, 'recommend_merchant_cloth_list', 7, true) as MCloth[])).to.deep.equal(whole.slice(2, 4));
    const last = await show.as<Record<string, unknown>>(caller, 'recommend.merchant.cloth.list', { limit: 2, offset: 6 });
    expect(named(expectPaged(last, 'recommend_merchant_cloth_list', 7, false) as MCloth[])).to.deep.equal(['N1']);
    expect(named(await recommended(caller, { limit: 100 }))).to.deep.equal(whole);
  });

  it('a like leaves the list at once; a cold start is the most liked of the last 30 days, then by id', async () => {
    ok(await show.raw(caller, 'merchant.cloth.like', { cloth_id: ids.A2 }));
    expect(named(await recommended(caller))).to.not.include('A2');
    ok(await show.raw(caller, 'merchant.cloth.unlike', { cloth_id: ids.A2 }));

    const newcomer = await show.person();
    expect(named(await recommended(newcomer))).to.deep.equal(['A1', 'B1', 'B2', 'A2', 'A3', 'B3', 'T1', 'N1'].sort((a, b) => {
      const likes: Record<string, number> = { A1: 3, B1: 5, B2: 5, A2: 2, A3: 2, B3: 3, T1: 0, N1: 0 };
      return likes[b] - likes[a] || Number(ids[a]) - Number(ids[b]);
    }));
    show.server.clock.advance(31 * 24 * 3600 * 1000);
    ok(await show.raw(await show.person(), 'merchant.cloth.like', { cloth_id: ids.N1 }));
    expect(named(await recommended(await show.person())), 'older likes no longer count').to.deep.equal(['N1', 'A1', 'A2', 'A3', 'T1', 'B1', 'B2', 'B3']);
  });
});
