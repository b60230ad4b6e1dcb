import { expect } from 'chai';
import type { SeededMall } from '../../../../../../app/products/app/demo/030_mall';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { startMall } from '../../../../../helpers/mall';
import { expectShape } from '../../../../../helpers/shape';

/** Seed 002, 2.24. */
const EXAMPLE = {
  list: [{ goodsid: 21, goods_name: 'ChinaJoy 服装', min_price: 9000, max_price: 9000, goods_img: '', buy_count: 0, month_buy_count: 0 }],
  total: 16,
  page: 1,
  count: 20,
  isnext: false,
};

interface Goods {
  goodsid: number;
  goods_name: string;
  min_price: number;
  max_price: number;
  buy_count: number;
  month_buy_count: number;
}

describe('goods.list', () => {
  let server: TestServer, client: TestClient, mall: SeededMall;
  before(async () => ({ server, client, mall } = await startMall()));
  after(() => server.stop());

  const list = async (params: Record<string, unknown> = {}) => {
    const answer = await client.call<{ list: Goods[]; total: number; page: number; count: number; isnext: boolean }>('goods.list', { token: '', ...params });
    expect(answer.code, answer.msg).to.equal(200);
    return answer.data!;
  };
  const ids = (goods: Goods[]) => goods.map((g) => g.goodsid);

  it('answers the seed shape for a guest: goods on shelf, newest first, paged by 20', async () => {
    const data = await list();
    expectShape(data, EXAMPLE);
    expect(data).to.include({ total: 7, page: 1, count: 20, isnext: false });
    expect(ids(data.list)).to.deep.equal([...ids(data.list)].sort((a, b) => b - a));
    expect(ids(data.list)).not.to.include(mall.goods.retired);
    const mouse = data.list.find((g) => g.goodsid === mall.goods.mouse)!;
    expect(mouse).to.include({ goods_name: '明基绝地求生吃鸡鼠标', min_price: 160, max_price: 160 });
    const headset = data.list.find((g) => g.goodsid === mall.goods.headset)!;
    expect(headset).to.include({ min_price: 1099, max_price: 1199 });
    expect((await list({ page: 2 })).list).to.deep.equal([]);
  });

  it('filters by a category and everything below it', async () => {
    expect(ids((await list({ cat_id: mall.categories['数码周边'] })).list)).to.have.members([mall.goods.keyboard, mall.goods.mouse, mall.goods.headset]);
    expect(ids((await list({ cat_id: mall.categories['服饰'] })).list)).to.have.members([mall.goods.jacket, mall.goods.badge]);
    expect((await list({ cat_id: 999_999 })).total).to.equal(0);
  });

  it('matches keywords inside the name, taking % and _ literally', async () => {
    expect(ids((await list({ keywords: '鼠标' })).list)).to.deep.equal([mall.goods.mouse]);
    expect((await list({ keywords: '%' })).total).to.equal(0);
    expect((await list({ keywords: '_' })).total).to.equal(0);
  });

  it('keeps goods whose [min, max] price overlaps the range; -1 leaves a side open', async () => {
    expect(ids((await list({ start_price: 1000 })).list)).to.have.members([mall.goods.headset, mall.goods.jacket]);
    expect(ids((await list({ end_price: 100 })).list)).to.deep.equal([mall.goods.notebook]);
    expect(ids((await list({ start_price: 1150, end_price: 1150 })).list)).to.deep.equal([mall.goods.headset]);
    expect(ids((await list({ start_price: 150.5, end_price: '200' })).list)).to.have.members([mall.goods.mouse, mall.goods.mug]);
  });

  it('refuses start_price above end_price and malformed parameters with 503', async () => {
    const reversed = await client.call('goods.list', { start_price: 500, end_price: 100 });
    expect(reversed.code).to.equal(503);
    expect(reversed.msg).to.contain('start_price');
    const bad = await client.call('goods.list', { page: 0 });
    expect(bad.code).to.equal(503);
    expect(bad.msg).to.contain('page');
  });

  it('counts units of orders not cancelled or closed; month_buy_count only the last 30 days', async () => {
    // The demo orders: keyboard 1 (待发货), mouse 2 (已发货), notebook 3 (交易成功), mug 1 (已取消).
    const byId = new Map((await list()).list.map((g) => [g.goodsid, g]));
    expect(byId.get(mall.goods.mouse)).to.include({ buy_count: 2, month_buy_count: 2 });
    expect(byId.get(mall.goods.notebook)).to.include({ buy_count: 3, month_buy_count: 3 });
    expect(byId.get(mall.goods.mug)).to.include({ buy_count: 0, month_buy_count: 0 });
    server.clock.advance(31 * 86400 * 1000);
    const later = new Map((await list()).list.map((g) => [g.goodsid, g]));
    expect(later.get(mall.goods.mouse)).to.include({ buy_count: 2, month_buy_count: 0 });
  });
});
