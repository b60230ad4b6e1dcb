import { expect } from 'chai';
import { userDirectory } from '../../../../app/platform/identity/users';
import { SHOW_DEMO_BALANCE_CENTS, SHOW_DEMO_USER } from '../../../../app/products/show/demo/010_people';
import { seed as seedOrders } from '../../../../app/products/show/demo/045_orders';
import { walletService } from '../../../../app/platform/wallet/wallet';
import { startTestServer, type TestServer } from '../../../helpers/harness';
import { expectWalletBalanced } from '../../../helpers/wallet';
import { expectPaged, seedDemoAndLogin, type DemoSession } from '../helpers';

/** The orders demo on the whole show demo, called as the documented demo user. */
describe('show demo: 045_orders', () => {
  let server: TestServer;
  let demo: DemoSession;
  const call: DemoSession['call'] = (method, params) => demo.call(method, params);

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('writes nothing while the demo user and the tickets are absent', async () => {
    await seedOrders(server.app);
    expect(await server.app.db('show_orders').count({ n: '*' }).first()).to.deep.equal({ n: 0 });
  });

  it('gives the demo user 8 orders — 3 paid from the wallet, 2 cancelled, 3 unpaid and payable — that the tickets and the wallet agree with', async () => {
    demo = await seedDemoAndLogin(server);
    const demoId = (await server.app.use(userDirectory).byMobile(SHOW_DEMO_USER.phone))!.id;

    const orders = expectPaged(await call('my.order.list'), 'my_order_list', 8, false) as Array<{ order_id: string; status: number; price: number; created_at: number }>;
    expect(orders.map((o) => o.status)).to.deep.equal([0, 0, 0, 2, 1, 2, 1, 1]);
    const paid = orders.filter((o) => o.status === 1).reduce((sum, o) => sum + Math.round(o.price * 100), 0);
    expect(paid).to.be.above(0);
    expect(await server.app.use(walletService).balance(demoId)).to.equal(SHOW_DEMO_BALANCE_CENTS);
    await expectWalletBalanced(server, demoId);
    for (const order of orders) {
      const detail = (await call<{ order_detail: { order_item_list: Array<{ price: number; number: number }>; price: number } }>('order.detail', { order_id: order.order_id })).order_detail;
      expect(detail.order_item_list.length).to.be.at.least(1);
      expect(detail.order_item_list.reduce((sum, item) => sum + Math.round(item.price * 100) * item.number, 0)).to.equal(Math.round(detail.price * 100));
    }
    const bought = expectPaged(await call('my.ticket.list'), 'my_ticket_list', 4, false) as Array<{ name: string }>;
    expect(bought.map((t) => t.name)).to.not.include('设计师沙龙之夜');

    // What each ticket misses is exactly what the live (unpaid or paid) orders hold.
    const tickets: Array<{ id: number; total: number; remain: number; name: string }> = await server.app.db('show_tickets').select('id', 'total', 'remain', 'name');
    for (const ticket of tickets.filter((t) => t.name !== '设计师沙龙之夜')) {
      const [held] = await server.app.db('show_order_items as i').join('show_orders as o', 'o.id', 'i.order_id').where('i.ticket_id', ticket.id).whereIn('o.status', [0, 1]).sum({ n: 'i.number' });
      expect(Number(ticket.total) - Number(ticket.remain), ticket.name).to.equal(Number(held.n ?? 0));
    }
    const cheapestUnpaid = orders.filter((o) => o.status === 0).sort((a, b) => a.price - b.price)[0];
    expect(await call('order.pay', { order_id: cheapestUnpaid.order_id, pay_method: 'wallet' })).to.deep.equal({});
  });
});
