import { expect } from 'chai';
import type { TestUser } from '../../../../helpers/users';
import { expectWalletBalanced } from '../../../../helpers/wallet';
import { okData, refusedWith, shopWithProduct, TIME, useCampusServer } from '../../helpers';

const PURCHASE_KEYS = ['purchase_id', 'purchase_state', 'user_id', 'purchase_type', 'purchase_price', 'creat_time', 'pay_method'];
const DETAIL_KEYS = [...PURCHASE_KEYS, 'product_id', 'product_num', 'product_unitprice', 'product_totalprice'];

type Page<T = Record<string, unknown>> = { list: T[]; total: number; page: number; count: number; isnext: boolean };

describe('campus purchase.*', () => {
  const f = useCampusServer();

  async function apply(buyer: TestUser, productId: number, num: number, unit: number, total = unit * num) {
    return f.as(buyer)<{ purchase_id: string }>('purchase.apply', { product_id: productId, product_num: num, product_unitprice: unit, product_totalprice: Math.round(total * 100) / 100 });
  }

  it('life cycle: apply → info → pay (buyer debited, seller credited, sale counted) with balances after each step', async () => {
    const seller = await f.student();
    const buyer = await f.student(500);
    const { productId } = await shopWithProduct(f, seller, 101.5);
    f.server.clock.advance(1000);
    const now = Math.floor(f.server.clock.now() / 1000);
    const { purchase_id } = okData(await apply(buyer, productId, 2, 101.5));
    expect(purchase_id).to.equal(`${now}${productId}`).and.have.length(17);
    expect([await f.balance(buyer), await f.balance(seller)]).to.deep.equal([50_000, 0]);

    const info = okData(await f.as(buyer)<Record<string, unknown>>('purchase.info', { purchase_id }));
    expect(info).to.have.all.keys(...DETAIL_KEYS);
    expect(info).to.deep.include({ purchase_id, purchase_state: 'paying', user_id: buyer.id, purchase_type: 0, purchase_price: 203, pay_method: null, product_id: productId, product_num: 2, product_unitprice: 101.5, product_totalprice: 203 });
    expect(info.creat_time).to.match(TIME);

    okData(await f.as(buyer)('purchase.pay', { purchase_id, pay_method: 'wallet' }));
    expect([await f.balance(buyer), await f.balance(seller)]).to.deep.equal([50_000 - 20_300, 20_300]);
    await expectWalletBalanced(f.server, buyer.id);
    await expectWalletBalanced(f.server, seller.id);
    const refs = (await f.server.app.db('wallet_ledger').whereIn('user_id', [buyer.id, seller.id]).whereNotNull('ref').orderBy('log_id').select('ref', 'change_cents')).map((r) => [r.ref, Number(r.change_cents)]);
    expect(refs).to.deep.equal([[`order:campus:${purchase_id}:pay:out`, -20_300], [`order:campus:${purchase_id}:pay:in`, 20_300]]);
    expect(okData(await f.as(buyer)<Record<string, unknown>>('purchase.info', { purchase_id }))).to.include({ purchase_state: 'paid', pay_method: 'wallet' });
    expect((await f.server.app.db('campus_products').where({ product_id: productId }).first()).product_sale).to.equal(2);

    refusedWith(await f.as(buyer)('purchase.pay', { purchase_id, pay_method: 'wallet' }), /not awaiting payment \(201\)/);
    refusedWith(await f.as(buyer)('purchase.cancel', { purchase_id }), /not awaiting payment \(201\)/);
    expect(await f.balance(buyer)).to.equal(29_700);
  });

  it('the discount price is what is paid; stale or inconsistent prices, off-sale, own-shop and bad input refused', async () => {
    const seller = await f.student();
    const buyer = await f.student(100);
    const { shopId, productId } = await shopWithProduct(f, seller, 10);
    okData(await f.as(seller)('product.update', { product_id: productId, shop_id: shopId, product_status: 1, product_disprice: 8.8 }));
    refusedWith(await apply(buyer, productId, 1, 10), /price changed/);
    refusedWith(await apply(buyer, productId, 3, 8.8, 26), /price changed/);
    const { purchase_id } = okData(await apply(buyer, productId, 3, 8.8));
    expect((await f.server.app.db('campus_purchases').where({ purchase_id }).first()).total_cents).to.equal(2640);
    refusedWith(await apply(seller, productId, 1, 8.8), /cannot buy from your own shop/);
    okData(await f.as(seller)('product.update', { product_id: productId, shop_id: shopId, product_status: 0 }));
    refusedWith(await apply(buyer, productId, 1, 8.8), /not on sale \(100\)/);
    refusedWith(await apply(buyer, 1000001, 1, 8.8), /not on sale \(100\)/);
    refusedWith(await apply(buyer, productId, 0, 8.8), /product_num/);
    refusedWith(await apply(buyer, productId, 100, 8.8), /product_num/);
    refusedWith(await f.as(buyer)('purchase.apply', { product_id: productId, product_num: 1, product_unitprice: 8.8 }), /product_totalprice/);
  });

  it('pay refusals: not found (100), not yours (101), balance not enough (102, nothing moves), method (200)', async () => {
    const seller = await f.student();
    const buyer = await f.student(1);
    const { productId } = await shopWithProduct(f, seller, 5);
    const { purchase_id } = okData(await apply(buyer, productId, 1, 5));
    refusedWith(await f.as(buyer)('purchase.pay', { purchase_id: '12345678901234567', pay_method: 'wallet' }), /purchase not found \(100\)/);
    refusedWith(await f.as(seller)('purchase.pay', { purchase_id, pay_method: 'wallet' }), /purchase not yours \(101\)/);
    refusedWith(await f.as(buyer)('purchase.pay', { purchase_id, pay_method: 'alipay' }), /pay method not allowed \(200\)/);
    refusedWith(await f.as(buyer)('purchase.pay', { purchase_id, pay_method: 'wallet' }), /balance not enough \(102\)/);
    expect((await f.server.app.db('campus_purchases').where({ purchase_id }).first()).purchase_state).to.equal('paying');
    expect([await f.balance(buyer), await f.balance(seller)]).to.deep.equal([100, 0]);
    expect(Number((await f.server.app.db('campus_products').where({ product_id: productId }).first()).product_sale)).to.equal(0);
    refusedWith(await f.as(buyer)('purchase.pay', { purchase_id: 'abc', pay_method: 'wallet' }), /purchase_id/);
    refusedWith(await f.as(buyer)('purchase.pay', { purchase_id }), /pay_method/);
    refusedWith(await f.as(buyer)('purchase.info', { purchase_id: '12345678901234567' }), /purchase not found \(100\)/);
    refusedWith(await f.as(seller)('purchase.info', { purchase_id }), /purchase not yours \(101\)/);
  });

  it('20 parallel purchase.pay of one purchase debit exactly once', async () => {
    const seller = await f.student();
    const buyer = await f.student(100);
    const { productId } = await shopWithProduct(f, seller, 7.77);
    const { purchase_id } = okData(await apply(buyer, productId, 1, 7.77));
    const answers = await Promise.all(Array.from({ length: 20 }, () => f.as(buyer)('purchase.pay', { purchase_id, pay_method: 'wallet' })));
    expect(answers.filter((a) => a.code === 200), JSON.stringify(answers.filter((a) => a.code !== 503))).to.have.length(1);
    for (const a of answers.filter((x) => x.code !== 200)) refusedWith(a, /not awaiting payment \(201\)/);
    expect([await f.balance(buyer), await f.balance(seller)]).to.deep.equal([10_000 - 777, 777]);
    expect(Number((await f.server.app.db('wallet_ledger').where({ user_id: buyer.id }).andWhere('change_cents', '<', 0).count({ n: '*' }))[0].n)).to.equal(1);
    expect(Number((await f.server.app.db('campus_products').where({ product_id: productId }).first()).product_sale)).to.equal(1);
    await expectWalletBalanced(f.server, buyer.id);
  });

  it('two purchases of one product in one second get ids one second apart (decision 11)', async () => {
    const seller = await f.student();
    const buyer = await f.student();
    const { productId } = await shopWithProduct(f, seller, 1);
    const a = okData(await apply(buyer, productId, 1, 1)).purchase_id;
    const b = okData(await apply(buyer, productId, 1, 1)).purchase_id;
    expect(Number(b.slice(0, 10)) - Number(a.slice(0, 10))).to.equal(1);
    expect(b.slice(10)).to.equal(String(productId));
  });

  it('cancel: only the buyer, only while paying; after 30 minutes the job cancels and pay is refused', async () => {
    const seller = await f.student();
    const buyer = await f.student(50);
    const { productId } = await shopWithProduct(f, seller, 2);
    const first = okData(await apply(buyer, productId, 1, 2)).purchase_id;
    refusedWith(await f.as(seller)('purchase.cancel', { purchase_id: first }), /not yours \(101\)/);
    refusedWith(await f.as(buyer)('purchase.cancel', { purchase_id: '99999999999999999' }), /not found \(100\)/);
    okData(await f.as(buyer)('purchase.cancel', { purchase_id: first }));
    expect((await f.server.app.db('campus_purchases').where({ purchase_id: first }).first()).purchase_state).to.equal('cancelled');
    refusedWith(await f.as(buyer)('purchase.pay', { purchase_id: first, pay_method: 'wallet' }), /not awaiting payment \(201\)/);

    f.server.clock.advance(5000);
    const late = okData(await apply(buyer, productId, 1, 2)).purchase_id;
    f.server.clock.advance(30 * 60_000);
    refusedWith(await f.as(buyer)('purchase.pay', { purchase_id: late, pay_method: 'wallet' }), /not awaiting payment \(201\)/);
    const run = okData(await f.admin.call<{ counts: Record<string, number> }>('job.run', { name: 'campus.purchases.expire' }));
    expect(run.counts.cancelled).to.be.at.least(1);
    expect((await f.server.app.db('campus_purchases').where({ purchase_id: late }).first()).purchase_state).to.equal('cancelled');
    expect(await f.balance(buyer)).to.equal(5000);
  });

  it('purchase.list: the caller\'s, newest first, by state, paged; admin campus.purchase.list by shop or user; campus.shop.list', async () => {
    const seller = await f.student();
    const buyer = await f.student(100);
    const { shopId, productId } = await shopWithProduct(f, seller, 1);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      f.server.clock.advance(2000);
      ids.push(okData(await apply(buyer, productId, 1, 1)).purchase_id);
    }
    okData(await f.as(buyer)('purchase.pay', { purchase_id: ids[0], pay_method: 'wallet' }));
    const page = okData(await f.as(buyer)<Page>('purchase.list', { count: 2 }));
    expect(page).to.include({ total: 3, page: 1, count: 2, isnext: true });
    expect(page.list.map((p) => p.purchase_id)).to.deep.equal([ids[2], ids[1]]);
    for (const p of page.list) expect(p).to.have.all.keys(...PURCHASE_KEYS);
    expect(okData(await f.as(buyer)<Page>('purchase.list', { state: 'paid' })).list.map((p) => p.purchase_id)).to.deep.equal([ids[0]]);
    expect(okData(await f.as(seller)<Page>('purchase.list', {})).list).to.deep.equal([]);
    refusedWith(await f.as(buyer)('purchase.list', { state: 'refunded' }), /state/);
    refusedWith(await f.as(buyer)('purchase.list', { count: 101 }), /count/);

    const byShop = okData(await f.admin.call<Page>('campus.purchase.list', { shop_id: shopId }));
    expect(byShop.list.map((p) => p.purchase_id)).to.deep.equal([...ids].reverse());
    expect(okData(await f.admin.call<Page>('campus.purchase.list', { user_id: buyer.id, state: 'paying' })).total).to.equal(2);
    refusedWith(await f.admin.call('campus.purchase.list', {}), /shop_id or user_id/);
    const shops = okData(await f.admin.call<Page<{ shop_id: number }>>('campus.shop.list', { user_id: seller.id }));
    expect(shops.list.map((s) => s.shop_id)).to.deep.equal([shopId]);
    expect(okData(await f.admin.call<Page>('campus.shop.list', { count: 1 })).total).to.be.at.least(6);
    refusedWith(await f.admin.call('campus.shop.list', { order: 'shop_id; DELETE' }), /order/);
  });
});
