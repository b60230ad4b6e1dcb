import { expect } from 'chai';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { ADMIN_ID, addGoods, expectOk, expectRefused, nextSku } from '../../../../../helpers/adminMall';
import { createBuyer, prepareMall, stockOf, submitOrder } from '../../../../../helpers/mall';

/** Admin product.add / product.edit and stock.adjust: prices re-cached, stock only ever by delta, never below 0. */
describe('admin product.add / product.edit / stock.adjust', () => {
  let server: TestServer;
  let admin: TestClient;
  let app: TestClient;
  let catId: number;

  const goodsRow = (goodsid: number) => server.app.db('goods').where({ goodsid }).first();
  const prices = async (goodsid: number) => {
    const g = await goodsRow(goodsid);
    return [g.min_price, g.max_price, g.min_market_price, g.max_market_price].map(Number);
  };
  const productsOf = (goodsid: number) => server.app.db('products').where({ goodsid }).orderBy('productid');

  before(async () => {
    server = await startTestServer();
    admin = await server.client('admin');
    app = await server.client('app');
    ({ mall: { categories: { 键盘鼠标: catId } } } = await prepareMall(server));
  });
  after(() => server.stop());

  describe('product.add', () => {
    it('adds a product with stock 0 to the free spec and re-caches the price range', async () => {
      const goodsid = await addGoods(admin, catId, { products: [{ spec: { 颜色: '红色' }, market_price: 300, sales_price: 200, stock: 5, skuid: nextSku() }] });
      expect(await prices(goodsid)).to.deep.equal([200, 200, 300, 300]);
      const skuid = nextSku();
      // A stock parameter is not product.add's to take: it is ignored.
      const { productid } = expectOk(
        await admin.call<{ productid: number }>('product.add', { admin_id: ADMIN_ID + 1, goodsid, spec: '颜色:::黑色', market_price: 500, sales_price: 450, skuid, stock: 99 }),
      );
      const row = await server.app.db('products').where({ productid }).first();
      expect(row).to.include({ goodsid, skuid, spec_val: '颜色:::黑色', market_price: 500, sales_price: 450, stock: 0, status: 1, c_by: ADMIN_ID + 1 });
      expect(JSON.parse(row.arr_spec_val)).to.deep.equal({ 颜色: '黑色' });
      expect(await prices(goodsid)).to.deep.equal([200, 450, 300, 500]);
    });

    it('a disabled product does not count in the price range', async () => {
      const goodsid = await addGoods(admin, catId, { products: [{ spec: { 颜色: '红色' }, market_price: 300, sales_price: 200, stock: 5, skuid: nextSku() }] });
      expectOk(await admin.call('product.add', { admin_id: ADMIN_ID, goodsid, spec: { 颜色: '黑色' }, market_price: 900, sales_price: 900, skuid: nextSku(), status: 0 }));
      expect(await prices(goodsid)).to.deep.equal([200, 200, 300, 300]);
    });

    it('refuses a taken spec, an unknown spec, a taken skuid and a missing goods', async () => {
      const goodsid = await addGoods(admin, catId);
      const base = { admin_id: ADMIN_ID, goodsid, market_price: 1, sales_price: 1 };
      expectRefused(await admin.call('product.add', { ...base, spec: { 颜色: '红色' }, skuid: nextSku() }), /exists/);
      expectRefused(await admin.call('product.add', { ...base, spec: { 颜色: '白色' }, skuid: nextSku() }), /spec unknown/);
      expectRefused(await admin.call('product.add', { ...base, spec: 'garbage', skuid: nextSku() }), /spec unknown/);
      expectRefused(await admin.call('product.add', { ...base, goodsid: 999_999, skuid: nextSku() }), /goods not found/);
      await server.app.db('products').where({ goodsid }).update({ status: 2 });
      expectRefused(await admin.call('product.add', { ...base, spec: { 颜色: '红色' }, skuid: 'ben001' }), /skuid taken/);
      expectRefused(await admin.call('product.add', { ...base, spec: { 颜色: '红色' }, skuid: 'has space' }), /skuid/);
      expect(await productsOf(goodsid)).to.have.length(2);
    });
  });

  describe('product.edit', () => {
    it('changes prices, spec and skuid but never stock, and re-caches', async () => {
      const goodsid = await addGoods(admin, catId, { spec_val: { 颜色: ['红色', '黑色', '白色'] } });
      const [red] = await productsOf(goodsid);
      const skuid = nextSku();
      expectOk(await admin.call('product.edit', { admin_id: ADMIN_ID + 2, productid: red.productid, sales_price: 100, market_price: 150, spec: { 颜色: '白色' }, skuid, stock: 1000 }));
      const row = await server.app.db('products').where({ productid: red.productid }).first();
      expect(row).to.include({ sales_price: 100, market_price: 150, spec_val: '颜色:::白色', skuid, stock: 5, u_by: ADMIN_ID + 2 });
      expect(JSON.parse(row.arr_spec_val)).to.deep.equal({ 颜色: '白色' });
      expect(await prices(goodsid)).to.deep.equal([100, 250, 150, 320]);
    });

    it('refuses a spec another product holds, a taken skuid, an unknown product and no change', async () => {
      const goodsid = await addGoods(admin, catId);
      const [red, black] = await productsOf(goodsid);
      expectRefused(await admin.call('product.edit', { admin_id: ADMIN_ID, productid: red.productid, spec: '颜色:::黑色' }), /exists/);
      expectRefused(await admin.call('product.edit', { admin_id: ADMIN_ID, productid: red.productid, skuid: black.skuid }), /skuid taken/);
      expectRefused(await admin.call('product.edit', { admin_id: ADMIN_ID, productid: 999_999, sales_price: 5 }), /product not found/);
      expectRefused(await admin.call('product.edit', { admin_id: ADMIN_ID, productid: red.productid }), /at least one field to change/);
      expect((await productsOf(goodsid)).map((p) => [p.spec_val, p.skuid])).to.deep.equal([[red.spec_val, red.skuid], [black.spec_val, black.skuid]]);
    });

    it('keeps one live product on a goods on shelf; deleting one drops it from the shop and the caches', async () => {
      const goodsid = await addGoods(admin, catId);
      const [red, black] = await productsOf(goodsid);
      expectOk(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 1 }));
      expectOk(await admin.call('product.edit', { admin_id: ADMIN_ID, productid: black.productid, status: 2 }));
      expect(await prices(goodsid)).to.deep.equal([200, 200, 300, 300]);
      const detail = expectOk(await app.call<{ products: Record<string, unknown> }>('goods.detail', { goods_id: goodsid }));
      expect(Object.keys(detail.products)).to.deep.equal(['颜色:::红色']);
      expectRefused(await admin.call('product.edit', { admin_id: ADMIN_ID, productid: red.productid, status: 0 }), /active product/);
      expect(Number((await server.app.db('products').where({ productid: red.productid }).first()).status)).to.equal(1);
      expectRefused(await admin.call('product.edit', { admin_id: ADMIN_ID, productid: black.productid, sales_price: 3 }), /product not found/);
      // The deleted product's spec is free again.
      expectOk(await admin.call('product.add', { admin_id: ADMIN_ID, goodsid, spec: { 颜色: '黑色' }, market_price: 1, sales_price: 1, skuid: nextSku() }));
    });
  });

  describe('stock.adjust', () => {
    let productid: number;
    before(async () => {
      const goodsid = await addGoods(admin, catId, { spec_val: {}, products: [{ market_price: 10, sales_price: 10, stock: 3, skuid: nextSku() }] });
      [{ productid }] = await productsOf(goodsid);
    });

    it('moves stock by delta and answers the new stock', async () => {
      expect(expectOk(await admin.call('stock.adjust', { admin_id: ADMIN_ID, productid, delta: 7, reason: '到货' }))).to.deep.equal({ stock: 10 });
      expect(expectOk(await admin.call('stock.adjust', { admin_id: ADMIN_ID, productid, delta: '-4', reason: '盘点' }))).to.deep.equal({ stock: 6 });
      expect(await stockOf(server, productid)).to.equal(6);
      expect(Number((await server.app.db('products').where({ productid }).first()).u_by)).to.equal(ADMIN_ID);
    });

    it('refuses to go below 0 and leaves the stock alone', async () => {
      const stock = await stockOf(server, productid);
      expectRefused(await admin.call('stock.adjust', { admin_id: ADMIN_ID, productid, delta: -(stock + 1), reason: '盘亏' }), /below 0/);
      expect(await stockOf(server, productid)).to.equal(stock);
    });

    for (const [what, params, pattern] of [
      ['delta 0', { delta: 0 }, /delta/],
      ['a fractional delta', { delta: 1.5 }, /delta/],
      ['an empty reason', { reason: '' }, /reason/],
      ['a 101-character reason', { reason: '因'.repeat(101) }, /reason/],
      ['an unknown product', { productid: 999_999 }, /product not found/],
    ] as Array<[string, Record<string, unknown>, RegExp]>) {
      it(`refuses ${what}`, async () => {
        expectRefused(await admin.call('stock.adjust', { admin_id: ADMIN_ID, productid, delta: 1, reason: '测试', ...params }), pattern);
      });
    }

    it('concurrent decrements never take stock below 0: of 15 × -1 on stock 10, exactly 10 succeed', async () => {
      const goodsid = await addGoods(admin, catId, { spec_val: {}, products: [{ market_price: 10, sales_price: 10, stock: 10, skuid: nextSku() }] });
      const [{ productid: racing }] = await productsOf(goodsid);
      const answers = await Promise.all(
        Array.from({ length: 15 }, () => admin.call<{ stock: number }>('stock.adjust', { admin_id: ADMIN_ID, productid: racing, delta: -1, reason: '并发' })),
      );
      const ok = answers.filter((a) => a.code === 200);
      expect(ok).to.have.length(10);
      expect(answers.filter((a) => a.code === 503).every((a) => /below 0/.test(a.msg))).to.equal(true);
      expect(ok.map((a) => a.data!.stock).sort((a, b) => a - b)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await stockOf(server, racing)).to.equal(0);
    });

    it('races orders for the same units without overselling', async () => {
      const goodsid = await addGoods(admin, catId, { spec_val: {}, products: [{ market_price: 10, sales_price: 10, stock: 4, skuid: nextSku() }] });
      const [{ productid: racing }] = await productsOf(goodsid);
      expectOk(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 1 }));
      const buyers = await Promise.all(Array.from({ length: 4 }, () => createBuyer(server, 100)));
      const [orders, adjusts] = await Promise.all([
        Promise.all(buyers.map((b) => submitOrder(app, b, racing))),
        Promise.all(Array.from({ length: 4 }, () => admin.call('stock.adjust', { admin_id: ADMIN_ID, productid: racing, delta: -1, reason: '并发' }))),
      ]);
      const taken = orders.filter((a) => a.code === 200).length + adjusts.filter((a) => a.code === 200).length;
      expect(taken).to.equal(4);
      expect(await stockOf(server, racing)).to.equal(0);
    });
  });
});
