import { expect } from 'chai';
import type { SeededMall } from '../../../../../../app/products/app/demo/030_mall';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { startMall } from '../../../../../helpers/mall';
import { expectShape } from '../../../../../helpers/shape';

const IMAGE = 'http://files.xxx.com/images/voucher/20180822/5b7cbe51ea911.jpg';
const COMMON = {
  goodsid: 1,
  goods_name: 'ikbc C104 樱桃轴机械键盘',
  min_market_price: 399,
  max_market_price: 399,
  min_price: 399,
  max_price: 399,
  goods_img: IMAGE,
  buy_count: 0,
  month_buy_count: 0,
  limit_count: 0,
  description: '',
  goods_image: [IMAGE],
};

/** Seed 002, 2.25: the single-spec example. */
const SINGLE = {
  ...COMMON,
  products: { single_product: { productid: 33, market_price: 399, sales_price: 399, stock: 993, spec_val: '', skuid: 'ikbc00000001', arr_spec_val: [] } },
  spec_val: [],
};

/** Seed 002, 2.25: the multi-spec example. */
const MULTI = {
  ...COMMON,
  products: {
    '颜色:::红色': { productid: 38, market_price: 199, sales_price: 160, stock: 999, spec_val: '颜色:::红色', skuid: 'ben001', arr_spec_val: { 颜色: '红色' } },
    '颜色:::黑色': { productid: 39, market_price: 199, sales_price: 160, stock: 999, spec_val: '颜色:::黑色', skuid: 'ben002', arr_spec_val: { 颜色: '黑色' } },
  },
  spec_val: { 颜色: ['红色', '黑色'] },
};

describe('goods.detail', () => {
  let server: TestServer, client: TestClient, mall: SeededMall;
  before(async () => ({ server, client, mall } = await startMall()));
  after(() => server.stop());

  const detail = (goods_id: unknown) => client.call<Record<string, any>>('goods.detail', { goods_id, token: '' });

  it('answers a single-spec goods under products.single_product, as the seed example', async () => {
    const answer = await detail(mall.goods.keyboard);
    expect(answer.code, answer.msg).to.equal(200);
    expectShape(answer.data, SINGLE);
    const data = answer.data!;
    expect(data).to.include({ goodsid: mall.goods.keyboard, goods_name: 'ikbc C104 樱桃轴机械键盘', min_market_price: 399, max_price: 399, limit_count: 0 });
    expect(data.products.single_product).to.deep.equal({
      productid: mall.products.ikbc00000001,
      market_price: 399,
      sales_price: 399,
      stock: 992, // 993 less the demo order
      spec_val: '',
      skuid: 'ikbc00000001',
      arr_spec_val: [],
    });
    expect(data.spec_val).to.deep.equal([]);
    expect(data.goods_image).to.have.length(5);
    expect(data.goods_img).to.equal(data.goods_image[0]);
    expect(data.buy_count).to.equal(1);
  });

  it('keys multi-spec products by spec_val and lists the spec values, as the seed example', async () => {
    const answer = await detail(mall.goods.mouse);
    expect(answer.code, answer.msg).to.equal(200);
    expectShape(answer.data, MULTI);
    const data = answer.data!;
    expect(data).to.include({ min_market_price: 199, max_market_price: 199, min_price: 160, max_price: 160 });
    expect(data.spec_val).to.deep.equal({ 颜色: ['红色', '黑色'] });
    expect(data.products['颜色:::红色']).to.deep.include({ productid: mall.products.ben001, skuid: 'ben001', stock: 997, arr_spec_val: { 颜色: '红色' } });
    expect(data.products['颜色:::黑色']).to.deep.include({ productid: mall.products.ben002, stock: 999 });
  });

  it('answers the per-person limit and price ranges across products', async () => {
    expect((await detail(mall.goods.jacket)).data).to.include({ limit_count: 1 });
    expect((await detail(mall.goods.headset)).data).to.include({ min_price: 1099, max_price: 1199, min_market_price: 1299, max_market_price: 1399 });
  });

  it('refuses goods off shelf or unknown with 503, and a missing goods_id naming it', async () => {
    for (const id of [mall.goods.retired, 999_999]) {
      const answer = await detail(id);
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.match(/not found or off shelf/);
    }
    const missing = await client.call('goods.detail', {});
    expect(missing.code).to.equal(503);
    expect(missing.msg).to.contain('goods_id');
  });
});
