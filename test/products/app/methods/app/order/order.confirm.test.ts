import { expect } from 'chai';
import { orderService } from '../../../../../../app/products/app/services/mall/orders';
import type { SeededMall } from '../../../../../../app/products/app/demo/030_mall';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { type Buyer, createBuyer, expectLedgerBalanced, startMall, stockOf, submitOrder } from '../../../../../helpers/mall';

describe('order.confirm', () => {
  let server: TestServer, client: TestClient, mall: SeededMall;
  before(async () => ({ server, client, mall } = await startMall()));
  after(() => server.stop());

  const detail = async (buyer: Buyer, orderid: number) =>
    (await client.call<Record<string, unknown>>('order.detail', { orderid }, { token: buyer.token })).data!;

  it('submit → ship → confirm, with stock and balance checked after each step', async () => {
    const buyer = await createBuyer(server, 5000);
    const productid = mall.products['bt-black'];
    const stock = await stockOf(server, productid);

    const { orderid } = (await submitOrder(client, buyer, productid, 2)).data!;
    expect(await detail(buyer, orderid)).to.include({ order_status: 1, order_status_label: '待发货', shipping_time: null, total_price: 2398 });
    expect(await stockOf(server, productid)).to.equal(stock - 2);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(5000 - 2398);

    const early = await client.call('order.confirm', { orderid }, { token: buyer.token });
    expect(early.code).to.equal(503);
    expect(early.msg).to.match(/not been shipped/);

    server.clock.advance(3600_000);
    await server.app.use(orderService).ship(orderid, { express_name: '顺丰速运', express_sn: 'SF123' }, 1);
    const shipped = await detail(buyer, orderid);
    expect(shipped).to.include({ order_status: 2, order_status_label: '已发货', done_time: null });
    expect(shipped.shipping_time).to.be.a('string').and.not.equal(shipped.c_time);
    const row = await server.app.db('orders').where({ orderid }).first('express_name', 'express_sn');
    expect(row).to.deep.equal({ express_name: '顺丰速运', express_sn: 'SF123' });
    expect(await stockOf(server, productid)).to.equal(stock - 2);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(2602);

    const confirmed = await client.call('order.confirm', { orderid }, { token: buyer.token });
    expect(confirmed.code, confirmed.msg).to.equal(200);
    expect(confirmed).not.to.have.property('data');
    const done = await detail(buyer, orderid);
    expect(done).to.include({ order_status: 3, order_status_label: '交易成功', closed_time: null });
    expect(done.done_time).to.be.a('string');
    expect(await stockOf(server, productid)).to.equal(stock - 2);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(2602);

    expect((await client.call('order.confirm', { orderid }, { token: buyer.token })).code).to.equal(200);
    expect((await detail(buyer, orderid)).done_time).to.equal(done.done_time);
    const cancel = await client.call('order.cancel', { orderid }, { token: buyer.token });
    expect(cancel.code).to.equal(503);
  });

  it('refuses an unknown order, a cancelled one and a missing orderid', async () => {
    const buyer = await createBuyer(server, 1000);
    expect((await client.call('order.confirm', { orderid: 999_999 }, { token: buyer.token })).msg).to.equal('order not found');
    const { orderid } = (await submitOrder(client, buyer, mall.products['note-a5'])).data!;
    await client.call('order.cancel', { orderid }, { token: buyer.token });
    expect((await client.call('order.confirm', { orderid }, { token: buyer.token })).code).to.equal(503);
    const missing = await client.call('order.confirm', {}, { token: buyer.token });
    expect(missing.code).to.equal(503);
    expect(missing.msg).to.contain('orderid');
  });
});
