import { expect } from 'chai';
import { shanghaiDay } from '../../../../../app/core/time';
import { orderService } from '../../../../../app/products/app/services/mall/orders';
import type { SeededMall } from '../../../../../app/products/app/demo/030_mall';
import { rejectionOf } from '../../../../helpers/errors';
import type { TestServer } from '../../../../helpers/harness';
import { createBuyer, expectLedgerBalanced, startMall, stockOf } from '../../../../helpers/mall';

describe('orderService', () => {
  let server: TestServer, mall: SeededMall;
  before(async () => ({ server, mall } = await startMall()));
  after(() => server.stop());

  const orders = () => server.app.use(orderService);

  /** A member with 1000 points who ordered `quantity` mugs (200 each), and the stock before the order. */
  async function mugOrder(quantity: number) {
    const buyer = await createBuyer(server, 1000);
    const productid = mall.products['mug-350'];
    const stock = await stockOf(server, productid);
    const { orderid } = await orders().place(buyer.id, { productid, quantity, addressid: buyer.addressid });
    return { buyer, productid, stock, orderid };
  }

  it('numbers orders SN + Shanghai day + a 10-digit daily counter, unique under concurrency', async () => {
    const day = shanghaiDay(server.clock.now());
    const numbers = await Promise.all(Array.from({ length: 20 }, () => orders().nextOrderSn()));
    expect(new Set(numbers).size).to.equal(20);
    for (const sn of numbers) expect(sn).to.match(new RegExp(`^SN${day}\\d{10}$`));
  });

  it('moves past numbers already used when the counter was lost (a restarted in-process store)', async () => {
    const buyer = await createBuyer(server, 1000);
    const day = shanghaiDay(server.clock.now());
    await server.app.kv.del(`order-seq:${day}`);
    const placed = await orders().place(buyer.id, { productid: mall.products['note-a5'], quantity: 1, addressid: buyer.addressid });
    expect(placed.order_sn).to.match(new RegExp(`^SN${day}\\d{10}$`));
    expect(await server.app.db('orders').where({ order_sn: placed.order_sn })).to.have.length(1);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(950);
  });

  it('close (staff, after shipping) gives back stock and points once, recording reason and admin', async () => {
    const { buyer, productid, stock, orderid } = await mugOrder(2);
    await orders().ship(orderid, {}, 9);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(600);
    await orders().close(orderid, '缺货', 9);
    const row = await server.app.db('orders').where({ orderid }).first();
    expect(row).to.include({ order_status: 5, close_reason: '缺货' });
    expect(row.closed_time).to.be.above(0);
    expect(await stockOf(server, productid)).to.equal(stock);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(1000);
    const refund = await server.app.db('points_ledger').where({ orderid, kind: 'refund' }).first();
    expect(refund).to.include({ change: 400, admin_id: 9, reason: '订单关闭退还' });
    expect((await rejectionOf(orders().close(orderid, 'again', 9))).message).to.match(/can be closed/);
    expect((await rejectionOf(orders().ship(orderid, {}, 9))).message).to.match(/can be shipped/);
    expect(await stockOf(server, productid)).to.equal(stock);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(1000);
  });

  it('of a cancel and a close racing for one order, exactly one gives back', async () => {
    const { buyer, productid, stock, orderid } = await mugOrder(1);
    const results = await Promise.allSettled([orders().cancel(buyer.id, orderid), orders().close(orderid, 'race', 1)]);
    expect(results.filter((r) => r.status === 'fulfilled').length).to.be.at.least(1);
    expect(await stockOf(server, productid)).to.equal(stock);
    expect(await expectLedgerBalanced(server, buyer.id)).to.equal(1000);
    expect(await server.app.db('points_ledger').where({ orderid, kind: 'refund' })).to.have.length(1);
  });
});
