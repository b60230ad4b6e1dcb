import { expect } from 'chai';
import { shanghaiDay } from '../../../../../../app/core/time';
import type { SeededMall } from '../../../../../../app/products/app/demo/030_mall';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { balanceOf, type Buyer, createBuyer, expectLedgerBalanced, requestToken, startMall, stockOf, submitOrder } from '../../../../../helpers/mall';

describe('order.submit', () => {
  let server: TestServer, client: TestClient, mall: SeededMall;
  before(async () => ({ server, client, mall } = await startMall()));
  after(() => server.stop());

  /** Nothing of a refused submit stays behind: same stock, same balance, no new rows. */
  async function expectUntouched(buyer: Buyer, productid: number, attempt: () => Promise<{ code: number; msg: string }>, message: RegExp) {
    const before = { stock: await stockOf(server, productid), balance: await balanceOf(server, buyer.id), orders: await countOrders(buyer.id) };
    const answer = await attempt();
    expect(answer.code).to.equal(503);
    expect(answer.msg).to.match(message);
    expect(await stockOf(server, productid)).to.equal(before.stock);
    expect(await balanceOf(server, buyer.id)).to.equal(before.balance);
    expect(await countOrders(buyer.id)).to.equal(before.orders);
    await expectLedgerBalanced(server, buyer.id);
  }

  async function countOrders(userId: number): Promise<number> {
    const [row] = await server.app.db('orders').where({ user_id: userId }).count({ n: '*' });
    return Number(row.n);
  }

  it('takes stock and points in one go and snapshots goods, price and address', async () => {
    const buyer = await createBuyer(server, 1000);
    const productid = mall.products.ben002;
    const stock = await stockOf(server, productid);
    const answer = await submitOrder(client, buyer, productid, 2);
    expect(answer.code, answer.msg).to.equal(200);
    expect(Object.keys(answer.data!)).to.have.members(['orderid', 'order_sn']);
    expect(answer.data!.order_sn).to.match(new RegExp(`^SN${shanghaiDay(server.clock.now())}\\d{10}$`));
    expect(await stockOf(server, productid)).to.equal(stock - 2);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(1000 - 320);

    const order = await server.app.db('orders').where({ orderid: answer.data!.orderid }).first();
    expect(order).to.include({
      order_sn: answer.data!.order_sn,
      namespace: 'app',
      user_id: buyer.id,
      total_price: 320,
      payment_price: 320,
      order_status: 1,
      receiver_name: '张木沐',
      receiver_province: '广东省',
      receiver_city: '深圳市',
      receiver_district: '南山区',
      receiver_street: '粤海街道',
      receiver_address: '东方科技大厦601',
      receiver_mobile: '14812345678',
    });
    expect(order.pay_time).to.be.above(0);
    const items = await server.app.db('order_items').where({ orderid: order.orderid });
    expect(items).to.have.length(1);
    expect(items[0]).to.include({
      goodsid: mall.goods.mouse,
      goods_name: '明基绝地求生吃鸡鼠标',
      productid,
      spec_val: '颜色:::黑色',
      market_price: 199,
      sales_price: 160,
      quantity: 2,
      payment_price: 320,
      total_price: 320,
    });
    const ledger = await server.app.db('points_ledger').where({ orderid: order.orderid });
    expect(ledger).to.have.length(1);
    expect(ledger[0]).to.include({ user_id: buyer.id, change: -320, balance_after: 680, kind: 'debit' });
  });

  it('accepts addressid for address_id', async () => {
    const buyer = await createBuyer(server, 1000);
    const request_token = await requestToken(client, buyer);
    const answer = await client.call('order.submit', { productid: mall.products['note-a5'], quantity: 1, addressid: buyer.addressid, request_token }, { token: buyer.token });
    expect(answer.code, answer.msg).to.equal(200);
  });

  it('spends the request token: a replayed submit is refused and writes nothing', async () => {
    const buyer = await createBuyer(server, 1000);
    const productid = mall.products['note-a5'];
    const request_token = await requestToken(client, buyer);
    const params = { productid, quantity: 1, address_id: buyer.addressid, request_token };
    expect((await client.call('order.submit', params, { token: buyer.token })).code).to.equal(200);
    await expectUntouched(buyer, productid, () => client.call('order.submit', params, { token: buyer.token }), /request token/);
    await expectUntouched(buyer, productid, () => client.call('order.submit', { ...params, request_token: 'nope' }, { token: buyer.token }), /request token/);
  });

  it('refuses goods off shelf, too little stock, too few points and a foreign address, leaving nothing behind', async () => {
    const buyer = await createBuyer(server, 300);
    const other = await createBuyer(server, 0);
    await expectUntouched(buyer, mall.products['pen-old'], () => submitOrder(client, buyer, mall.products['pen-old']), /off shelf/);
    await expectUntouched(buyer, mall.products['bt-white'], () => submitOrder(client, buyer, mall.products['bt-white'], 51), /no stock/);
    await expectUntouched(buyer, mall.products['mug-350'], () => submitOrder(client, buyer, mall.products['mug-350'], 2), /not enough points/);
    await expectUntouched(buyer, mall.products['mug-350'], () => submitOrder(client, { ...buyer, addressid: other.addressid }, mall.products['mug-350']), /地址不存在/);
    await expectUntouched(buyer, mall.products['mug-350'], () => submitOrder(client, buyer, 999_999), /off shelf or does not exist/);
  });

  it('validates its parameters and needs a user', async () => {
    const buyer = await createBuyer(server, 0);
    for (const [params, field] of [
      [{ productid: 1, quantity: 100, address_id: 1, request_token: 'x' }, 'quantity'],
      [{ productid: 1, quantity: 0, address_id: 1, request_token: 'x' }, 'quantity'],
      [{ quantity: 1, address_id: 1, request_token: 'x' }, 'productid'],
      [{ productid: 1, quantity: 1, request_token: 'x' }, 'address_id'],
      [{ productid: 1, quantity: 1, address_id: 1 }, 'request_token'],
    ] as const) {
      const answer = await client.call('order.submit', params, { token: buyer.token });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain(field);
    }
    const guest = await client.call('order.submit', { productid: 1, quantity: 1, address_id: 1, request_token: 'x' });
    expect(guest.code).to.equal(602);
  });

  it('holds the per-person limit, also against parallel submits of one member', async () => {
    const buyer = await createBuyer(server, 100_000);
    const productid = mall.products['cj-jacket'];
    const stock = await stockOf(server, productid);
    await expectUntouched(buyer, productid, () => submitOrder(client, buyer, productid, 2), /limit of 1/);
    const tokens = await Promise.all(Array.from({ length: 5 }, () => requestToken(client, buyer)));
    const answers = await Promise.all(
      tokens.map((request_token) => client.call('order.submit', { productid, quantity: 1, address_id: buyer.addressid, request_token }, { token: buyer.token })),
    );
    expect(answers.filter((a) => a.code === 200)).to.have.length(1);
    for (const refused of answers.filter((a) => a.code !== 200)) expect(refused.msg).to.match(/limit of 1/);
    expect(await stockOf(server, productid)).to.equal(stock - 1);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(100_000 - 9000);
  });

  it('never oversells: stock 10, 50 members submitting at once, exactly 10 orders', async function () {
    this.timeout(120_000);
    const productid = mall.products['badge-2020'];
    expect(await stockOf(server, productid)).to.equal(10);
    const buyers = await Promise.all(Array.from({ length: 50 }, () => createBuyer(server, 1000)));
    const tokens = await Promise.all(buyers.map((b) => requestToken(client, b)));
    const answers = await Promise.all(
      buyers.map((b, i) =>
        client.call<{ orderid: number }>('order.submit', { productid, quantity: 1, address_id: b.addressid, request_token: tokens[i] }, { token: b.token }),
      ),
    );
    const won = answers.filter((a) => a.code === 200);
    expect(won, JSON.stringify(answers.filter((a) => a.code !== 200 && a.code !== 503))).to.have.length(10);
    for (const lost of answers.filter((a) => a.code !== 200)) {
      expect(lost.code).to.equal(503);
      expect(lost.msg).to.equal('no stock');
    }
    expect(await stockOf(server, productid)).to.equal(0);

    const winners = new Set(buyers.filter((_, i) => answers[i].code === 200).map((b) => b.id));
    for (const b of buyers) expect(await expectLedgerBalanced(server, b.id)).to.equal(winners.has(b.id) ? 500 : 1000);

    const buyerIds = buyers.map((b) => b.id);
    const orders = await server.app.db('orders').whereIn('user_id', buyerIds).select('orderid', 'user_id');
    expect(orders).to.have.length(10);
    const orderIds = orders.map((o) => o.orderid);
    expect(orderIds).to.have.members(won.map((a) => a.data!.orderid));
    const items = await server.app.db('order_items').where({ productid }).whereIn('orderid', orderIds);
    expect(items).to.have.length(10);
    const [orphanItems] = await server.app.db('order_items as i').leftJoin('orders as o', 'o.orderid', 'i.orderid').whereNull('o.orderid').count({ n: '*' });
    expect(Number(orphanItems.n)).to.equal(0);
    const debits = await server.app.db('points_ledger').whereIn('user_id', buyerIds).where({ kind: 'debit' });
    expect(debits.map((d) => d.orderid)).to.have.members(orderIds);
    const [orphanLedger] = await server.app.db('points_ledger as l')
      .leftJoin('orders as o', 'o.orderid', 'l.orderid')
      .whereNotNull('l.orderid')
      .whereNull('o.orderid')
      .count({ n: '*' });
    expect(Number(orphanLedger.n)).to.equal(0);
    const goods = await server.app.db('goods').where({ goodsid: mall.goods.badge }).first('buy_count');
    expect(Number(goods.buy_count)).to.equal(10);
  });
});
