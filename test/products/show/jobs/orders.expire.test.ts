import { expect } from 'chai';
import { jobRunner } from '../../../../app/platform/jobs/runner';
import { orderFixture } from '../orders';
import { ADMIN_ID, ok, useShowServer } from '../helpers';

describe('show job show.orders.expire', () => {
  const show = useShowServer();
  const f = orderFixture(show);
  const runJob = async () => ok<{ name: string; counts: { cancelled: number } }>(await show.admin.call('job.run', { admin_id: ADMIN_ID, name: 'show.orders.expire' }));

  it('cancels orders unpaid for 30 minutes and gives their tickets back once; paid and younger orders stay', async () => {
    const buyer = await show.person();
    await f.fund(buyer, 100_000);
    const ticket = await show.ticket({ total: 20 });
    const old = await f.buy(buyer, [[ticket, 3]]);
    const paid = await f.buy(buyer, [[ticket, 2]]);
    await show.as(buyer, 'order.pay', { order_id: paid, pay_method: 'wallet' });
    show.server.clock.advance(10 * 60_000);
    const young = await f.buy(buyer, [[ticket, 4]]);
    expect(await f.remain(ticket)).to.equal(11);

    show.server.clock.advance(20 * 60_000 - 1000);
    expect((await runJob()).counts).to.deep.equal({ cancelled: 0 });
    show.server.clock.advance(1000);
    const run = await runJob();
    expect(run.name).to.equal('show.orders.expire');
    expect(run.counts).to.deep.equal({ cancelled: 1 });
    expect((await f.order(old)).status).to.equal(2);
    expect((await f.order(paid)).status).to.equal(1);
    expect((await f.order(young)).status).to.equal(0);
    expect(await f.remain(ticket)).to.equal(14);
    expect((await runJob()).counts, 'a second run gives nothing back twice').to.deep.equal({ cancelled: 0 });
    expect(await f.remain(ticket)).to.equal(14);
  });

  it('runs on its schedule once per slot, and a cancel racing the sweep restores the tickets once', async () => {
    const buyer = await show.person();
    const ticket = await show.ticket({ total: 10 });
    const orders = [await f.buy(buyer, [[ticket, 1]]), await f.buy(buyer, [[ticket, 2]])];
    show.server.clock.advance(31 * 60_000);
    const runner = show.server.app.use(jobRunner);
    const [runs, ...cancels] = await Promise.all([runner.tick(), ...orders.map((id) => show.raw(buyer, 'order.cancel', { order_id: id }))]);
    expect(runs.map((r) => r.name)).to.include('show.orders.expire');
    for (const lost of cancels.filter((a) => a.code !== 200)) expect(lost.msg).to.equal('only unpaid orders can be cancelled');
    expect(await f.remain(ticket)).to.equal(10);
    for (const id of orders) expect((await f.order(id)).status).to.equal(2);
    expect((await runner.tick()).map((r) => r.name), 'the slot is taken').to.not.include('show.orders.expire');
  });
});
