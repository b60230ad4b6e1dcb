import { expect } from 'chai';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { ADMIN_ID, addGoods, expectOk, expectRefused, nextSku } from '../../../../../helpers/adminMall';
import { prepareMall } from '../../../../../helpers/mall';
import { insertId } from '../../../../../../app/storage/db';
import { statementsDuring } from '../../../../../helpers/queries';
import type { SeededMall } from '../../../../../../app/products/app/demo/030_mall';

/** Admin goods.* : what the back office writes is what the app's goods.list / goods.detail then show. */
describe('admin goods.list / detail / add / edit / delete / shelve', () => {
  let server: TestServer;
  let admin: TestClient;
  let app: TestClient;
  let mall: SeededMall;
  let catId: number;

  const goodsRow = (goodsid: number) => server.app.db('goods').where({ goodsid }).first();
  const productRows = (goodsid: number) => server.app.db('products').where({ goodsid }).orderBy('productid');
  const appList = async (keywords: string) =>
    expectOk(await app.call<{ list: Array<{ goodsid: number; min_price: number; max_price: number }> }>('goods.list', { keywords })).list;

  before(async () => {
    server = await startTestServer();
    admin = await server.client('admin');
    app = await server.client('app');
    ({ mall } = await prepareMall(server));
    catId = mall.categories['键盘鼠标'];
  });
  after(() => server.stop());

  it('goods.add creates the goods off shelf with its products, audit columns and price caches', async () => {
    const goodsid = await addGoods(admin, catId, {
      goods_name: '测试多规格T恤',
      spec_val: { 颜色: ['红色', '黑色'], 尺码: ['S', 'L'] },
      limit_count: 2,
      products: [
        { spec: { 尺码: 'S', 颜色: '红色' }, market_price: 300, sales_price: 200, stock: 5, skuid: nextSku() },
        { spec: '颜色:::黑色|||尺码:::L', market_price: 350, sales_price: 260, stock: 0, skuid: nextSku() },
      ],
    });
    expect(goodsid).to.be.a('number');
    const goods = await goodsRow(goodsid);
    expect(goods).to.include({ goods_name: '测试多规格T恤', cat_id: catId, limit_count: 2, c_by: ADMIN_ID, u_by: ADMIN_ID });
    expect(Number(goods.status)).to.equal(0);
    expect([goods.min_price, goods.max_price, goods.min_market_price, goods.max_market_price].map(Number)).to.deep.equal([200, 260, 300, 350]);
    expect(JSON.parse(goods.spec_val)).to.deep.equal({ 颜色: ['红色', '黑色'], 尺码: ['S', 'L'] });
    expect(JSON.parse(goods.goods_image)).to.have.length(2);
    const products = await productRows(goodsid);
    // The key follows the goods' spec order whatever order the product named them in.
    expect(products.map((p) => p.spec_val)).to.deep.equal(['颜色:::红色|||尺码:::S', '颜色:::黑色|||尺码:::L']);
    expect(JSON.parse(products[0].arr_spec_val)).to.deep.equal({ 颜色: '红色', 尺码: 'S' });
    expect(products.map((p) => Number(p.stock))).to.deep.equal([5, 0]);
    expect(products.map((p) => Number(p.c_by))).to.deep.equal([ADMIN_ID, ADMIN_ID]);

    expect(await appList('测试多规格T恤')).to.deep.equal([]);
    expectRefused(await app.call('goods.detail', { goods_id: goodsid }), /not found|off shelf/);
  });

  it('goods.shelve puts it in the app\'s goods.list and goods.detail, and takes it out again', async () => {
    const goodsid = await addGoods(admin, catId, { goods_name: '上架测试水杯' });
    expectOk(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 1 }));
    expect(Number((await goodsRow(goodsid)).status)).to.equal(1);
    const listed = await appList('上架测试水杯');
    expect(listed.map((g) => g.goodsid)).to.deep.equal([goodsid]);
    expect(listed[0]).to.include({ min_price: 200, max_price: 250 });
    const detail = expectOk(await app.call<{ products: Record<string, { stock: number }>; spec_val: unknown }>('goods.detail', { goods_id: goodsid }));
    expect(Object.keys(detail.products)).to.have.members(['颜色:::红色', '颜色:::黑色']);
    expect(detail.spec_val).to.deep.equal({ 颜色: ['红色', '黑色'] });

    expectOk(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 0 }));
    expect(await appList('上架测试水杯')).to.deep.equal([]);
  });

  it("the app's plain goods.list is answered from the KV store until the back office changes goods", async () => {
    const goodsid = await addGoods(admin, catId, { goods_name: '缓存测试水杯' });
    const browse = async () =>
      expectOk(await app.call<{ list: Array<{ goodsid: number; goods_name: string }> }>('goods.list', { cat_id: catId })).list.find((g) => g.goodsid === goodsid);
    expect(await browse()).to.equal(undefined);
    expect((await statementsDuring(server.app.db, browse)).filter((q) => /\bgoods\b/.test(q))).to.deep.equal([]);
    expectOk(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 1 }));
    expect(await browse()).to.include({ goods_name: '缓存测试水杯' });
    expectOk(await admin.call('goods.edit', { admin_id: ADMIN_ID, goodsid, goods_name: '缓存测试改名' }));
    expect(await browse()).to.include({ goods_name: '缓存测试改名' });
    expectOk(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 0 }));
    expect(await browse()).to.equal(undefined);
  });

  it('a single-spec goods answers as single_product in the app', async () => {
    const goodsid = await addGoods(admin, catId, {
      goods_name: '单规格鼠标垫',
      spec_val: {},
      products: [{ market_price: 99, sales_price: 80, stock: 3, skuid: nextSku() }],
    });
    expect((await goodsRow(goodsid)).spec_val).to.equal('[]');
    expectOk(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 1 }));
    const detail = expectOk(await app.call<{ products: Record<string, { spec_val: string; stock: number }> }>('goods.detail', { goods_id: goodsid }));
    expect(Object.keys(detail.products)).to.deep.equal(['single_product']);
    expect(detail.products.single_product).to.include({ spec_val: '', stock: 3 });
  });

  it('takes uploaded file ids for images and stores their URLs; an unknown file id is refused', async () => {
    const fileId = await insertId(
      server.app.db('files').insert({ owner_type: 1, owner_id: ADMIN_ID, path: '2026/11/21/cup.png', mime: 'image/png', size: 10, sha256: 'a'.repeat(64), status: 1 }),
    );
    const goodsid = await addGoods(admin, catId, { goods_img: fileId, goods_image: [String(fileId), 'http://files.example.com/b.jpg'] });
    const goods = await goodsRow(goodsid);
    expect(goods.goods_img).to.match(/^https?:\/\/.+\/files\/2026\/11\/21\/cup\.png$/);
    expect(JSON.parse(goods.goods_image)).to.deep.equal([goods.goods_img, 'http://files.example.com/b.jpg']);
    expectRefused(await admin.call('goods.edit', { admin_id: ADMIN_ID, goodsid, goods_img: 999_999 }), /goods_img.*does not exist/);
    expectRefused(await admin.call('goods.edit', { admin_id: ADMIN_ID, goodsid, goods_img: 'javascript:alert(1)' }), /goods_img/);
  });

  describe('goods.add refusals write nothing', () => {
    let before: number;
    beforeEach(async () => {
      before = Number((await server.app.db('goods').count({ n: '*' }))[0].n);
    });
    afterEach(async () => {
      expect(Number((await server.app.db('goods').count({ n: '*' }))[0].n)).to.equal(before);
    });

    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['an unknown spec value', { products: [{ spec: { 颜色: '绿色' }, market_price: 1, sales_price: 1, stock: 1, skuid: 'x-green' }] }, /spec unknown/],
      ['an unknown spec name', { products: [{ spec: { 颜色: '红色', 尺码: 'L' }, market_price: 1, sales_price: 1, stock: 1, skuid: 'x-size' }] }, /spec unknown/],
      ['a missing spec name', { products: [{ spec: {}, market_price: 1, sales_price: 1, stock: 1, skuid: 'x-none' }] }, /spec unknown/],
      ['a spec on a single-spec goods', { spec_val: {}, products: [{ spec: '颜色:::红色', market_price: 1, sales_price: 1, stock: 1, skuid: 'x-single' }] }, /spec unknown/],
      ['two products with one spec', {
        products: [
          { spec: { 颜色: '红色' }, market_price: 1, sales_price: 1, stock: 1, skuid: 'x-dup-1' },
          { spec: '颜色:::红色', market_price: 1, sales_price: 1, stock: 1, skuid: 'x-dup-2' },
        ],
      }, /same spec/],
      ['a skuid that is taken', { products: [{ spec: { 颜色: '红色' }, market_price: 1, sales_price: 1, stock: 1, skuid: 'ben001' }] }, /skuid taken/],
      ['a category of another type', { cat_id: 999_999 }, /category/],
      ['sales_price 0', { products: [{ spec: { 颜色: '红色' }, market_price: 1, sales_price: 0, stock: 1, skuid: 'x-zero' }] }, /sales_price/],
      ['negative stock', { products: [{ spec: { 颜色: '红色' }, market_price: 1, sales_price: 1, stock: -1, skuid: 'x-neg' }] }, /stock/],
      ['no products', { products: [] }, /products/],
      ['six album images', { goods_image: Array.from({ length: 6 }, (_, i) => `http://files.example.com/${i}.jpg`) }, /goods_image/],
      ['a 51-character name', { goods_name: '名'.repeat(51) }, /goods_name/],
      ['no admin_id', { admin_id: undefined }, /admin_id/],
    ];
    for (const [what, overrides, pattern] of cases) {
      it(`refuses ${what}`, async () => {
        const answer = await admin.call('goods.add', {
          admin_id: ADMIN_ID,
          goods_name: '拒绝测试',
          cat_id: catId,
          goods_img: 'http://files.example.com/x.jpg',
          spec_val: { 颜色: ['红色', '黑色'] },
          products: [{ spec: { 颜色: '红色' }, market_price: 1, sales_price: 1, stock: 1, skuid: nextSku() }],
          ...overrides,
        });
        expectRefused(answer, pattern);
      });
    }

    it('refuses a news category as cat_id', async () => {
      const news = await insertId(
        server.app.db('categories').insert({ cat_name: '新闻', cat_type: 1, parentid: 0, cat_code: '9'.repeat(30), display: 1, status: 1 }),
      );
      const answer = await admin.call('goods.add', {
        admin_id: ADMIN_ID, goods_name: '拒绝测试', cat_id: news, goods_img: 'http://files.example.com/x.jpg',
        products: [{ market_price: 1, sales_price: 1, stock: 1, skuid: nextSku() }],
      });
      expectRefused(answer, /category/);
    });
  });

  it('goods.list shows every status but deleted, with filters, paging and the admin shape', async () => {
    const goodsid = await addGoods(admin, mall.categories['文具'], { goods_name: '列表测试笔袋' });
    const page = expectOk(await admin.call<{ list: Array<Record<string, unknown>>; total: number; page: number; count: number; isnext: boolean }>('goods.list', {}));
    expect(page).to.include.keys('list', 'total', 'page', 'count', 'isnext');
    expect(page.list[0].goodsid).to.equal(goodsid); // newest first
    expect(page.list[0]).to.have.all.keys(
      'goodsid', 'cat_id', 'goods_name', 'goods_img', 'min_price', 'max_price', 'min_market_price', 'max_market_price',
      'buy_count', 'month_buy_count', 'limit_count', 'stock', 'status', 'c_time', 'u_time',
    );
    expect(page.list[0]).to.include({ status: 0, stock: 12, min_price: 200, max_price: 250 });
    expect(page.list[0].c_time).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // The seed's off-shelf pen is listed for staff although the shop hides it.
    const offShelf = expectOk(await admin.call<{ list: Array<{ goodsid: number }> }>('goods.list', { status: 0 })).list.map((g) => g.goodsid);
    expect(offShelf).to.include(mall.goods.retired).and.include(goodsid);
    const byName = expectOk(await admin.call<{ list: Array<{ goodsid: number }>; total: number }>('goods.list', { keywords: '列表测试' }));
    expect(byName.list.map((g) => g.goodsid)).to.deep.equal([goodsid]);
    const byCat = expectOk(await admin.call<{ list: Array<{ cat_id: number }> }>('goods.list', { cat_id: mall.categories['文具'] })).list;
    expect(byCat.length).to.be.greaterThan(1);
    expect(byCat.every((g) => g.cat_id === mall.categories['文具'])).to.equal(true);
    const seeded = expectOk(await admin.call<{ list: Array<{ goodsid: number; month_buy_count: number; buy_count: number }> }>('goods.list', { keywords: '笔记本' })).list;
    expect(seeded[0].goodsid).to.equal(mall.goods.notebook);
    expect(seeded[0].buy_count).to.equal(3); // the demo member's confirmed order
    expect(seeded[0].month_buy_count).to.equal(3);
    expectRefused(await admin.call('goods.list', { status: 3 }), /status/);
  });

  it('goods.detail shows a goods in any status with all its products', async () => {
    const goodsid = await addGoods(admin, catId, { goods_name: '详情测试' });
    const detail = expectOk(await admin.call<Record<string, unknown> & { products: Array<Record<string, unknown>> }>('goods.detail', { goodsid }));
    expect(detail).to.include({ goodsid, goods_name: '详情测试', status: 0, description: '<p>杯子</p>', limit_count: 0 });
    expect(detail.spec_val).to.deep.equal({ 颜色: ['红色', '黑色'] });
    expect(detail.goods_image).to.deep.equal(['http://files.example.com/cup-1.jpg', 'http://files.example.com/cup-2.jpg']);
    expect(detail.products).to.have.length(2);
    expect(detail.products[0]).to.have.all.keys('productid', 'market_price', 'sales_price', 'stock', 'spec_val', 'skuid', 'arr_spec_val', 'status');
    expect(detail.products[0]).to.deep.include({ spec_val: '颜色:::红色', arr_spec_val: { 颜色: '红色' }, stock: 5, status: 1 });
    expectRefused(await admin.call('goods.detail', { goodsid: 999_999 }), /goods not found/);
  });

  it('a goods description is HTML for a web view: cleaned like news before it is stored', async () => {
    const goodsid = await addGoods(admin, catId, { goods_name: '描述清理' });
    expectOk(await admin.call('goods.edit', { admin_id: ADMIN_ID, goodsid, description: '<p>好杯子</p><img src=x onerror=alert(1)><script>alert(2)</script>' }));
    expect(expectOk(await admin.call<{ description: string }>('goods.detail', { goodsid })).description).to.equal('<p>好杯子</p><img src="x" />');
  });

  it('goods.edit changes fields, re-keys products under a reordered spec and refuses a spec that orphans one', async () => {
    const goodsid = await addGoods(admin, catId, {
      goods_name: '编辑测试',
      spec_val: { 颜色: ['红色'], 尺码: ['S', 'L'] },
      products: [
        { spec: { 颜色: '红色', 尺码: 'S' }, market_price: 10, sales_price: 10, stock: 1, skuid: nextSku() },
        { spec: { 颜色: '红色', 尺码: 'L' }, market_price: 10, sales_price: 10, stock: 1, skuid: nextSku() },
      ],
    });
    const otherAdmin = ADMIN_ID + 1;
    expectOk(await admin.call('goods.edit', { admin_id: otherAdmin, goodsid, goods_name: '编辑后', limit_count: 3, spec_val: { 尺码: ['L', 'S', 'M'], 颜色: ['红色'] } }));
    const goods = await goodsRow(goodsid);
    expect(goods).to.include({ goods_name: '编辑后', limit_count: 3, u_by: otherAdmin, c_by: ADMIN_ID });
    expect((await productRows(goodsid)).map((p) => p.spec_val)).to.deep.equal(['尺码:::S|||颜色:::红色', '尺码:::L|||颜色:::红色']);

    expectRefused(await admin.call('goods.edit', { admin_id: ADMIN_ID, goodsid, spec_val: { 尺码: ['L'], 颜色: ['红色'] } }), /spec unknown/);
    expect(JSON.parse((await goodsRow(goodsid)).spec_val)).to.deep.equal({ 尺码: ['L', 'S', 'M'], 颜色: ['红色'] });
    expectRefused(await admin.call('goods.edit', { admin_id: ADMIN_ID, goodsid }), /at least one field to change/);
    expectRefused(await admin.call('goods.edit', { admin_id: ADMIN_ID, goodsid: 999_999, goods_name: 'x' }), /goods not found/);
  });

  it('goods.shelve refuses a goods without a live product', async () => {
    const goodsid = await addGoods(admin, catId, { goods_name: '无货品', spec_val: {}, products: [{ market_price: 1, sales_price: 1, stock: 1, skuid: nextSku(), spec: '' }] });
    await server.app.db('products').where({ goodsid }).update({ status: 0 });
    expectRefused(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 1 }), /no active product/);
    expect(Number((await goodsRow(goodsid)).status)).to.equal(0);
    expectRefused(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 2 }), /on/);
  });

  it('goods.delete is soft: the goods leaves the shop and the lists, its row stays', async () => {
    const goodsid = await addGoods(admin, catId, { goods_name: '删除测试' });
    expectOk(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 1 }));
    expectOk(await admin.call('goods.delete', { admin_id: ADMIN_ID, goodsid }));
    expect(await goodsRow(goodsid)).to.include({ status: 2, u_by: ADMIN_ID });
    expect(await appList('删除测试')).to.deep.equal([]);
    expectRefused(await app.call('goods.detail', { goods_id: goodsid }), /not found/);
    expect(expectOk(await admin.call<{ list: unknown[] }>('goods.list', { keywords: '删除测试' })).list).to.deep.equal([]);
    expect(expectOk(await admin.call<{ list: unknown[] }>('goods.list', { keywords: '删除测试', status: 2 })).list).to.have.length(1);
    expectRefused(await admin.call('goods.detail', { goodsid }), /goods not found/);
    expectRefused(await admin.call('goods.delete', { admin_id: ADMIN_ID, goodsid }), /goods not found/);
    expectRefused(await admin.call('goods.shelve', { admin_id: ADMIN_ID, goodsid, on: 1 }), /goods not found/);
  });

  it('the admin methods are not in the app namespace, nor app-only ones in admin', async () => {
    expect((await app.call('goods.add', { admin_id: ADMIN_ID })).code).to.equal(509);
    expect((await admin.call('order.submit', {})).code).to.equal(509);
  });
});
