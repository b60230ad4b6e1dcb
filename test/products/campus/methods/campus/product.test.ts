import { expect } from 'chai';
import { okData, refusedWith, shopWithProduct, TIME, useCampusServer } from '../../helpers';

const PRODUCT_KEYS = ['product_id', 'product_name', 'product_content', 'product_key', 'product_price', 'product_disprice', 'product_sale', 'product_click', 'product_collection', 'shop_id', 'creat_time', 'update_time', 'pic_url', 'product_status'];

type Page<T = Record<string, unknown>> = { list: T[]; total: number; page: number; count: number; isnext: boolean };

describe('campus product.*', () => {
  const f = useCampusServer();

  it('product.create (and product.creat) answers a 7-digit id; the row holds cents; product_id given is ignored', async () => {
    const owner = await f.student();
    const { shopId, productId } = await shopWithProduct(f, owner, 100.5);
    expect(productId).to.be.within(1_000_000, 9_999_999);
    expect(await f.server.app.db('campus_products').where({ product_id: productId }).first()).to.include({ shop_id: shopId, price_cents: 10050, product_status: 1, product_key: 'paper|book' });
    const alias = okData(await f.as(owner)<{ product_id: number }>('product.creat', { product_id: 1234567, shop_id: shopId, product_name: '测试商品1', product_price: '3.54', product_status: 0 }));
    expect(alias.product_id).to.be.within(1_000_000, 9_999_999);
    expect(await f.server.app.db('campus_products').where({ product_id: alias.product_id }).first()).to.include({ price_cents: 354, product_content: '' });
  });

  it('product.create refuses a shop not the caller\'s (100), bad prices and status 2', async () => {
    const owner = await f.student();
    const { shopId } = await shopWithProduct(f, owner);
    const stranger = await f.student();
    const base = { shop_id: shopId, product_name: 'x', product_price: 1, product_status: 1 };
    refusedWith(await f.as(stranger)('product.create', base), /no right to operate \(100\)/);
    refusedWith(await f.as(owner)('product.create', { ...base, shop_id: 999999999 }), /no right to operate \(100\)/);
    for (const product_price of [0, -1, 100000, 1.005, 'abc']) refusedWith(await f.as(owner)('product.create', { ...base, product_price }), /product_price/);
    refusedWith(await f.as(owner)('product.create', { ...base, product_status: 2 }), /product_status/);
    refusedWith(await f.as(owner)('product.create', { ...base, product_name: '' }), /product_name/);
    refusedWith(await f.as(owner)('product.create', { ...base, pic_url: 'http://elsewhere.example/x.png' }), /pic_url/);
  });

  it('product.update changes fields, a discount below the price, null clears it; others and wrong pairs refused (100)', async () => {
    const owner = await f.student();
    const { shopId, productId } = await shopWithProduct(f, owner, 20);
    const call = f.as(owner);
    okData(await call('product.update', { product_id: productId, shop_id: shopId, product_status: 0, product_name: '头秃生发水', product_content: '<h1>Duang~</h1>', product_key: '生发|秃', product_disprice: 15.5, product_sale: 999 }));
    expect(await f.server.app.db('campus_products').where({ product_id: productId }).first()).to.include({ product_name: '头秃生发水', product_status: 0, disprice_cents: 1550, price_cents: 2000, product_sale: 0 });
    refusedWith(await call('product.update', { product_id: productId, shop_id: shopId, product_status: 1, product_disprice: 20 }), /below/);
    refusedWith(await call('product.update', { product_id: productId, shop_id: shopId, product_status: 1, product_price: 10 }), /below/);
    okData(await call('product.update', { product_id: productId, shop_id: shopId, product_status: 1, product_disprice: null, product_price: 10 }));
    expect(await f.server.app.db('campus_products').where({ product_id: productId }).first()).to.include({ disprice_cents: null, price_cents: 1000, product_status: 1 });
    const other = await shopWithProduct(f, owner);
    refusedWith(await call('product.update', { product_id: productId, shop_id: other.shopId, product_status: 1 }), /no right to operate \(100\)/);
    refusedWith(await f.as(await f.student())('product.update', { product_id: productId, shop_id: shopId, product_status: 1 }), /no right to operate \(100\)/);
    refusedWith(await call('product.update', { product_id: productId, shop_id: shopId }), /product_status/);
    refusedWith(await call('product.update', { product_id: productId, shop_id: shopId, product_status: 3 }), /product_status/);
  });

  describe('product.list and product.info', () => {
    let owner: Awaited<ReturnType<typeof f.student>>;
    let reader: Awaited<ReturnType<typeof f.student>>;
    let shopId: number;
    const ids: Record<string, number> = {};
    before(async () => {
      owner = await f.student();
      reader = await f.student();
      shopId = okData(await f.as(owner)<{ shop_id: number }>('shop.create', { shop_name: `list shop ${owner.id}` })).shop_id;
      for (const [name, status, price, key] of [['pen red', 1, 3, '文具|red'], ['pen blue', 1, 2, '文具|blue'], ['ink', 0, 5, '文具'], ['old pen', 2, 1, 'gone']] as const) {
        f.server.clock.advance(1000);
        ids[name] = okData(await f.as(owner)<{ product_id: number }>('product.create', { shop_id: shopId, product_name: name, product_price: price, product_status: status === 2 ? 0 : status, product_key: key })).product_id;
        if (status === 2) okData(await f.as(owner)('product.update', { product_id: ids[name], shop_id: shopId, product_status: 2 }));
      }
    });

    it('type up (default), down, all; del only the owner\'s; creat_time ASC by default; Product shape', async () => {
      const names = async (params: Record<string, unknown>, as = reader) => okData(await f.as(as)<Page<{ product_name: string }>>('product.list', { shop_id: shopId, ...params })).list.map((p) => p.product_name);
      expect(await names({})).to.deep.equal(['pen red', 'pen blue']);
      expect(await names({ type: 'down' })).to.deep.equal(['ink']);
      expect(await names({ type: 'all' })).to.deep.equal(['pen red', 'pen blue', 'ink']);
      expect(await names({ type: 'del' }, owner)).to.deep.equal(['old pen']);
      refusedWith(await f.as(reader)('product.list', { shop_id: shopId, type: 'del' }), /no right/);
      expect(okData(await f.as(reader)<Page>('product.list', { type: 'del' })).list).to.deep.equal([]);
      refusedWith(await f.as(reader)('product.list', { type: 'sold' }), /"type" must be up, down, all or del/);
      const page = okData(await f.as(reader)<Page>('product.list', { shop_id: shopId, type: 'all', count: 2 }));
      expect(page).to.include({ total: 3, count: 2, page: 1, isnext: true });
      for (const p of page.list) {
        expect(p).to.have.all.keys(...PRODUCT_KEYS);
        expect(p.product_price).to.be.a('number');
        expect(p.product_disprice).to.equal(null);
        expect(p.update_time).to.equal(null);
        expect(p.creat_time).to.match(TIME);
      }
    });

    it('name and key fragments AND-ed with the shop; ORD on the row\'s keys; hostile ORD refused', async () => {
      const names = async (params: Record<string, unknown>) => okData(await f.as(reader)<Page<{ product_name: string }>>('product.list', { shop_id: shopId, type: 'all', ...params })).list.map((p) => p.product_name);
      expect(await names({ product_name: 'pen' })).to.deep.equal(['pen red', 'pen blue']);
      expect(await names({ product_name: 'pen', product_key: 'blue' })).to.deep.equal(['pen blue']);
      expect(await names({ product_key: '文具', order: 'product_price DESC' })).to.deep.equal(['ink', 'pen red', 'pen blue']);
      expect(await names({ order: 'product_status asc, product_price asc' })).to.deep.equal(['ink', 'pen blue', 'pen red']);
      for (const order of ['price_cents DESC', 'product_price DESC) UNION SELECT * FROM users --', 'product_id DESC, (SELECT 1)', 'CASE WHEN 1 THEN product_id END']) {
        refusedWith(await f.as(reader)('product.list', { order }), /order/);
      }
    });

    it('product.info answers the product and counts a click; deleted only for the owner; unknown 503 (100)', async () => {
      const first = okData(await f.as(reader)<Record<string, unknown>>('product.info', { product_id: ids['pen red'] }));
      expect(first).to.have.all.keys(...PRODUCT_KEYS);
      expect(first).to.include({ product_id: ids['pen red'], product_name: 'pen red', product_price: 3, product_click: 1, shop_id: shopId, product_key: '文具|red' });
      expect(okData(await f.as(reader)<{ product_click: number }>('product.info', { product_id: ids['pen red'] })).product_click).to.equal(2);
      expect((await f.server.app.db('campus_products').where({ product_id: ids['pen red'] }).first()).product_click).to.equal(2);
      refusedWith(await f.as(reader)('product.info', { product_id: ids['old pen'] }), /product not found \(100\)/);
      expect(okData(await f.as(owner)<{ product_status: number }>('product.info', { product_id: ids['old pen'] })).product_status).to.equal(2);
      refusedWith(await f.as(reader)('product.info', { product_id: 1000000 }), /product not found \(100\)/);
      refusedWith(await f.as(reader)('product.info', {}), /product_id/);
    });
  });
});
