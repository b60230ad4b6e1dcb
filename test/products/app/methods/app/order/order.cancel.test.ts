import { expect } from 'chai';
import { orderService } from '../../../../../../app/products/app/services/mall/orders';
import type { SeededMall } from '../../../../../../app/products/app/demo/030_mall';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { createBuyer, expectLedgerBalanced, startMall, stockOf, submitOrder } from '../../../../../helpers/mall';

describe('order.cancel', () => {
  let server: TestServer, client: TestClient, mall: SeededMall;
  before(async () => ({ server, client, mall } = await startMall()));
  after(() => server.stop());

  const goodsBuyCount = async (goodsid: number) => Number((await server.app.db('goods').where({ goodsid }).first('buy_count')).buy_count);

  it('submit → cancel puts back stock and points exactly once, and frees the per-person limit', async () => {
    const buyer = await createBuyer(server, 20_000);
    const productid = mall.products['cj-jacket'];
    const stock = await stockOf(server, productid);
    const bought = await goodsBuyCount(mall.goods.jacket);

    const submitted = await submitOrder(client, buyer, productid);
    expect(submitted.code, submitted.msg).to.equal(200);
    const { orderid } = submitted.data!;
    expect(await stockOf(server, productid)).to.equal(stock - 1);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(11_000);
    expect(await goodsBuyCount(mall.goods.jacket)).to.equal(bought + 1);
    expect((await submitOrder(client, buyer, productid)).msg).to.match(/limit of 1/);

    const cancelled = await client.call('order.cancel', { orderid }, { token: buyer.token });
    expect(cancelled.code, cancelled.msg).to.equal(200);
    expect(cancelled).not.to.have.property('data');
    expect(await stockOf(server, productid)).to.equal(stock);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(20_000);
    expect(await goodsBuyCount(mall.goods.jacket)).to.equal(bought);
    const order = await server.app.db('orders').where({ orderid }).first();
    expect(order.order_status).to.equal(4);
    expect(order.closed_time).to.be.above(0);
    const refund = await server.app.db('points_ledger').where({ orderid, kind: 'refund' });
    expect(refund).to.have.length(1);
    expect(refund[0]).to.include({ change: 9000, balance_after: 20_000, reason: '订单取消退还' });

    // Idempotent: a second cancel (even two at once) answers success and gives back nothing more.
    const again = await Promise.all([1, 2].map(() => client.call('order.cancel', { orderid }, { token: buyer.token })));
    expect(again.map((a) => a.code)).to.deep.equal([200, 200]);
    expect(await stockOf(server, productid)).to.equal(stock);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(20_000);
    expect(await server.app.db('points_ledger').where({ orderid, kind: 'refund' })).to.have.length(1);

    // The limit counts live orders only: the member may buy it again.
    expect((await submitOrder(client, buyer, productid)).code).to.equal(200);
  });

  it('refuses to cancel a shipped order, or an order of another member', async () => {
    const buyer = await createBuyer(server, 1000);
    const other = await createBuyer(server, 0);
    const { orderid } = (await submitOrder(client, buyer, mall.products['note-a5'])).data!;
    const foreign = await client.call('order.cancel', { orderid }, { token: other.token });
    expect(foreign.code).to.equal(503);
    expect(foreign.msg).to.equal('order not found');

    await server.app.use(orderService).ship(orderid, { express_name: '顺丰速运', express_sn: 'SF1' }, 1);
    const stock = await stockOf(server, mall.products['note-a5']);
    const shipped = await client.call('order.cancel', { orderid }, { token: buyer.token });
    expect(shipped.code).to.equal(503);
    expect(shipped.msg).to.match(/shipped/);
    expect(await stockOf(server, mall.products['note-a5'])).to.equal(stock);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(950);
    expect((await server.app.db('orders').where({ orderid }).first()).order_status).to.equal(2);
  });
});
