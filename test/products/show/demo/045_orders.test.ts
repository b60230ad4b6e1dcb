import { expect } from 'chai';
import { seed } from '../../../../app/products/show/demo/045_orders';
import { expectWalletBalanced } from '../../../helpers/wallet';
import { orderFixture } from '../orders';
import { expectPaged, useShowServer } from '../helpers';

describe('show demo 045_orders', () => {
  const show = useShowServer();
  const f = orderFixture(show);

  it('skips cleanly without the demo user or tickets, then gives the demo user 8 orders: paid, cancelled and unpaid', async () => {
    await seed(show.server.app);
    const demo = await show.person({ mobile: '13900139000', nickname: '秀秀' });
    await seed(show.server.app);
    expect(await show.server.app.db('show_orders').count({ n: '*' }).first()).to.deep.equal({ n: 0 });

    await f.fund(demo, 100_000);
    const tickets = [];
    for (let i = 0; i < 6; i++) tickets.push(await show.ticket({ name: `Demo ${i}`, price: 50 + i * 10, total: 100 }));
    await show.ticket({ name: 'Sold out', total: 0 });
    await seed(show.server.app);

    const all = expectPaged(await show.as(demo, 'my.order.list', {}), 'my_order_list', 8, false) as Array<{ status: number; created_at: number }>;
    expect(all.map((o) => o.status).sort()).to.deep.equal([0, 0, 0, 1, 1, 1, 2, 2]);
    const now = Math.floor(show.server.clock.now() / 1000);
    expect(all.slice(0, 3).map((o) => [o.status, o.created_at])).to.deep.equal([[0, now], [0, now], [0, now]]);
    expect(all[3].created_at).to.be.below(now);
    const bought = expectPaged(await show.as(demo, 'my.ticket.list', {}), 'my_ticket_list', 4, false) as Array<{ name: string }>;
    expect(bought.map((t) => t.name)).to.not.include('Sold out');
    const paid = (await show.server.app.db('show_orders').where({ user_id: demo.id, status: 1 }).sum({ s: 'total_cents' }).first()) as { s: number };
    expect(await f.balance(demo)).to.equal(100_000 - Number(paid.s));
    await expectWalletBalanced(show.server, demo.id);
    // What the tickets miss is exactly what the live (unpaid or paid) orders hold.
    for (const ticket of tickets) {
      const [held] = await show.server.app.db('show_order_items as i').join('show_orders as o', 'o.id', 'i.order_id').where('i.ticket_id', ticket).whereIn('o.status', [0, 1]).sum({ n: 'i.number' });
      expect(100 - (await f.remain(ticket)), `ticket ${ticket}`).to.equal(Number(held.n ?? 0));
    }
  });
});
