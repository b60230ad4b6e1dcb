import { expect } from 'chai';
import { GOODS_STATUS, goodsRows, newsRow, ORDER_STATUS, orderRows, orderSn, sizeLabel, unit, type FixtureContext } from '../../../scripts/bench/fixture-rows';

const ctx: FixtureContext = {
  now: 1_790_000_000,
  newsCategories: [3, 4, 5],
  goodsCategories: [20, 21],
  userId: 7,
  firstId: { news: 9, goods: 9, products: 12, orders: 5, items: 5 },
  receiver: {
    receiver_name: '张三',
    receiver_mobile: '13800138000',
    receiver_province: '广东省',
    receiver_city: '深圳市',
    receiver_district: '南山区',
    receiver_street: '粤海街道',
    receiver_address: '科技园',
  },
};
const N = 5_000;
const share = <T>(rows: T[], test: (row: T) => boolean) => rows.filter(test).length / rows.length;

describe('scripts/bench/fixture-rows', () => {
  it('unit() is deterministic and spread over [0, 1)', () => {
    const values = Array.from({ length: N }, (_, n) => unit(n, 3));
    expect(values).to.deep.equal(Array.from({ length: N }, (_, n) => unit(n, 3)));
    expect(Math.min(...values)).to.be.at.least(0);
    expect(Math.max(...values)).to.be.below(1);
    expect(share(values, (v) => v < 0.5)).to.be.closeTo(0.5, 0.02);
    expect(unit(1, 3)).not.to.equal(unit(1, 4));
  });

  it('news: ids after the demo rows, newest last, mostly live, in the given categories, within column sizes', () => {
    const rows = Array.from({ length: N }, (_, n) => newsRow(n, N, ctx));
    expect(rows[0].news_id).to.equal(9);
    expect(rows[N - 1].news_id).to.equal(9 + N - 1);
    expect(rows[N - 1].c_time).to.equal(ctx.now);
    expect(rows.every((r, i) => i === 0 || r.c_time >= rows[i - 1].c_time)).to.equal(true);
    expect(share(rows, (r) => r.status === 1 && r.display === 1)).to.be.closeTo(0.9 * 0.95, 0.02);
    expect(new Set(rows.map((r) => r.status))).to.deep.equal(new Set([0, 1, 2]));
    expect(rows.every((r) => ctx.newsCategories.includes(r.cat_id))).to.equal(true);
    expect(Math.max(...rows.map((r) => [...r.title].length))).to.be.at.most(50);
    expect(Math.max(...rows.map((r) => [...r.source].length))).to.be.at.most(20);
  });

  it('goods: on shelf, off shelf and deleted in the set shares, each with one live SKU at its price', () => {
    const rows = Array.from({ length: N }, (_, n) => goodsRows(n, N, ctx));
    const onShelf = GOODS_STATUS.find(([status]) => status === 1)![1];
    expect(share(rows, (r) => r.goods.status === 1)).to.be.closeTo(onShelf, 0.02);
    expect(new Set(rows.map((r) => r.product.skuid)).size, 'skuid is unique').to.equal(N);
    for (const { goods, product } of rows.slice(0, 100)) {
      expect(product.goodsid).to.equal(goods.goodsid);
      expect(goods.min_price).to.equal(product.sales_price);
      expect(goods.max_market_price).to.equal(product.market_price);
      expect(product.market_price).to.be.at.least(product.sales_price);
      expect(JSON.parse(goods.goods_image)[0]).to.equal(goods.goods_img);
      expect(ctx.goodsCategories).to.include(goods.cat_id);
    }
  });

  it("orders: all the member's, unique numbers, statuses with their times, an item of a generated goods", () => {
    const rows = Array.from({ length: N }, (_, n) => orderRows(n, N, N, ctx));
    expect(rows.every(({ order }) => order.user_id === 7)).to.equal(true);
    expect(new Set(rows.map(({ order }) => order.order_sn)).size).to.equal(N);
    expect(rows.every(({ order }) => /^SN\d{8}9\d{9}$/.test(order.order_sn) && order.order_sn.length <= 32)).to.equal(true);
    const done = ORDER_STATUS.find(([status]) => status === 3)![1];
    expect(share(rows, ({ order }) => order.order_status === 3)).to.be.closeTo(done, 0.02);
    for (const { order, item } of rows) {
      expect(order.shipping_time !== null).to.equal([2, 3].includes(order.order_status));
      expect(order.done_time !== null).to.equal(order.order_status === 3);
      expect(order.closed_time !== null).to.equal([4, 5].includes(order.order_status));
      expect(item.orderid).to.equal(order.orderid);
      expect(item.total_price).to.equal(item.sales_price * item.quantity);
    }
    // The item is the generated goods' own: same id, name, price and SKU.
    const { item } = rows[123];
    const { goods, product } = goodsRows(item.goodsid - ctx.firstId.goods, N, ctx);
    expect(item).to.include({ goods_name: goods.goods_name, goods_image: goods.goods_img, productid: product.productid, sales_price: product.sales_price });
  });

  it('order numbers carry the Shanghai date of the order', () => {
    // 2026-11-30 16:30 UTC is 2026-12-01 00:30 in Shanghai.
    expect(orderSn(42, Date.UTC(2026, 10, 30, 16, 30) / 1000)).to.equal('SN202612019000000042');
  });

  it('size labels', () => {
    expect([1_000_000, 2_000_000, 20_000, 1234].map(sizeLabel)).to.deep.equal(['1m', '2m', '20k', '1234']);
  });
});
