import { expect } from 'chai';
import { expectWalletBalanced } from '../../../../../helpers/wallet';
import { orderFixture } from '../../../orders';
import { refused, useShowServer, type ShowUser } from '../../../helpers';

describe('show order.pay', () => {
  const show = useShowServer();
  const f = orderFixture(show);
  const pay = (who: ShowUser, orderId: string, pay_method = 'wallet') => show.raw(who, 'order.pay', { order_id: orderId, pay_method });
  const ledger = (who: ShowUser) => show.server.app.db('wallet_ledger').where({ user_id: who.id }).orderBy('log_id').select('change_cents', 'ref', 'reason');

  it('debits the total from the wallet once and marks the order paid, in one go', async () => {
    const buyer = await show.person();
    await f.fund(buyer, 50_000);
    const ticket = await show.ticket({ price: 99.9, total: 10 });
    const orderId = await f.buy(buyer, [[ticket, 2]]);
    show.server.clock.advance(60_000);
    const answer = await pay(buyer, orderId);
    expect(answer.code, answer.msg).to.equal(200);
    expect(answer.data).to.deep.equal({});
    const row = await f.order(orderId);
    const now = Math.floor(show.server.clock.now() / 1000);
    expect(row).to.include({ status: 1, paid_at: now, u_time: now });
    expect(await f.balance(buyer)).to.equal(50_000 - 19_980);
    const moves = await ledger(buyer);
    expect(moves.slice(1).map((m) => [Number(m.change_cents), m.ref])).to.deep.equal([[-19_980, `order:show:${orderId}:pay`]]);
    expect(moves[1].reason).to.contain(row.order_no);
    await expectWalletBalanced(show.server, buyer.id);
    expect(await f.remain(ticket), 'paying keeps the reservation').to.equal(8);

    refused(await pay(buyer, orderId), /^order is not unpaid$/);
    refused(await show.raw(buyer, 'order.cancel', { order_id: orderId }), /^only unpaid orders can be cancelled$/);
    expect(await f.balance(buyer)).to.equal(50_000 - 19_980);
  });

  it('parallel payments of one order: one debit, one paid order, the others refused', async () => {
    const buyer = await show.person();
    await f.fund(buyer, 10_000);
    const orderId = await f.buy(buyer, [[await show.ticket({ price: 30 }), 1]]);
    const answers = await Promise.all(Array.from({ length: 8 }, () => pay(buyer, orderId)));
    expect(answers.filter((a) => a.code === 200)).to.have.length(1);
    for (const lost of answers.filter((a) => a.code !== 200)) refused(lost, /^order is not unpaid$/);
    expect(await f.balance(buyer)).to.equal(7_000);
    expect((await ledger(buyer)).filter((m) => Number(m.change_cents) < 0)).to.have.length(1);
    expect((await f.order(orderId)).status).to.equal(1);
  });

  it('balance not enough: nothing moves, the order stays unpaid and can be paid once topped up', async () => {
    const buyer = await show.person();
    await f.fund(buyer, 999);
    const orderId = await f.buy(buyer, [[await show.ticket({ price: 10 }), 1]]);
    refused(await pay(buyer, orderId), /^balance not enough$/);
    expect((await f.order(orderId)).status).to.equal(0);
    expect(await f.balance(buyer)).to.equal(999);
    expect(await ledger(buyer)).to.have.length(1);
    const broke = await show.person();
    refused(await pay(broke, await f.buy(broke, [[await show.ticket(), 1]])), /^balance not enough$/);
    await f.fund(buyer, 1);
    expect((await pay(buyer, orderId)).code).to.equal(200);
    expect(await f.balance(buyer)).to.equal(0);
  });

  it('refuses cancelled orders, orders past the 30-minute window, others\' orders and any pay_method but wallet', async () => {
    const buyer = await show.person();
    await f.fund(buyer, 100_000);
    const ticket = await show.ticket();
    const cancelled = await f.buy(buyer, [[ticket, 1]]);
    await show.as(buyer, 'order.cancel', { order_id: cancelled });
    refused(await pay(buyer, cancelled), /^order is not unpaid$/);
    const mine = await f.buy(buyer, [[ticket, 1]]);
    refused(await pay(await show.person(), mine), /^order not found or not yours$/);
    const alipay = await pay(buyer, mine, 'alipay');
    expect(alipay.code).to.equal(503);
    expect(alipay.msg).to.match(/pay_method/);
    show.server.clock.advance(30 * 60_000 - 1000);
    const late = await f.buy(buyer, [[ticket, 1]]);
    show.server.clock.advance(1000);
    refused(await pay(buyer, mine), /^order is not unpaid$/);
    expect((await f.order(mine)).status, 'the sweep cancels it later').to.equal(0);
    expect((await pay(buyer, late)).code).to.equal(200);
    expect(await f.balance(buyer)).to.equal(100_000 - 8_800);
  });
});
