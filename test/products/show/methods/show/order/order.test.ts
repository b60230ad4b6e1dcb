import { expect } from 'chai';
import { createTestUser } from '../../../../../helpers/users';
import { ORDER_KEYS, orderFixture } from '../../../orders';
import { expectPaged, ok, refused, useShowServer, type ShowUser } from '../../../helpers';

describe('show order methods: create, cart orders, cancel, detail, my.order.list, my.ticket.list', () => {
  const show = useShowServer();
  const f = orderFixture(show);

  const cartLine = (who: ShowUser, ticketId: string, number: number) => show.as(who, 'shopping.cart.add', { ticket_id: ticketId, number });
  const cartOf = async (who: ShowUser) =>
    (await show.server.app.db('show_cart_items').where({ user_id: who.id }).orderBy('ticket_id').select('ticket_id', 'number')).map((r) => [String(r.ticket_id), Number(r.number)]);

  it('order.create reserves every line in one unpaid order: total = Σ unit × number, items at the unit price', async () => {
    const buyer = await show.person();
    const a = await show.ticket({ price: 88.8, total: 10 });
    const b = await show.ticket({ price: 20, total: 3 });
    const orderId = await f.buy(buyer, [[a, 2], [b, 3]]);
    expect(await f.remain(a)).to.equal(8);
    expect(await f.remain(b)).to.equal(0);
    const row = await f.order(orderId);
    expect(row).to.include({ user_id: buyer.id, status: 0, total_cents: 2 * 8880 + 3 * 2000, number: 5 });
    expect(row.order_no).to.match(/^S\d{20}$/);
    const items = await show.server.app.db('show_order_items').where({ order_id: orderId }).orderBy('ticket_id');
    expect(items.map((i) => [String(i.ticket_id), Number(i.unit_cents), Number(i.number)])).to.deep.equal([[a, 8880, 2], [b, 2000, 3]]);

    const detail = (await show.as<{ order_detail: Record<string, unknown> }>(buyer, 'order.detail', { order_id: orderId })).order_detail;
    expect(detail).to.have.all.keys(...ORDER_KEYS, 'order_item_list');
    const now = Math.floor(show.server.clock.now() / 1000);
    expect(detail).to.deep.include({ order_id: orderId, price: 237.6, number: 5, status: 0, created_at: now, updated_at: now });
    expect(detail.order_item_list).to.deep.equal([{ ticket_id: a, price: 88.8, number: 2 }, { ticket_id: b, price: 20, number: 3 }]);
  });

  it('order.create refuses unknown and off-sale tickets, too few left (all lines or none), lists of different lengths and bad lists', async () => {
    const buyer = await show.person();
    const plenty = await show.ticket({ total: 10 });
    const few = await show.ticket({ total: 2 });
    const off = await show.ticket({ status: 0 });
    const call = (ticket_id_list: unknown[], number_list: unknown[]) => show.raw(buyer, 'order.create', { ticket_id_list, number_list });
    refused(await call(['99999'], [1]), /^ticket not found or off sale$/);
    refused(await call([plenty, off], [1, 1]), /^ticket not found or off sale$/);
    refused(await call([plenty, few], [4, 3]), /^not enough tickets remaining$/);
    expect(await f.remain(plenty), 'the first line was given back with the refusal').to.equal(10);
    refused(await call([plenty, few], [1]), /^ticket_id_list and number_list differ in length$/);
    for (const [ids, numbers] of [[[plenty], [11]], [[plenty], [0]], [[plenty, plenty], [1, 1]], [[], []], [Array.from({ length: 21 }, (_, i) => String(i + 1)), Array(21).fill(1)]]) {
      const answer = await call(ids, numbers);
      expect(answer.code, JSON.stringify([ids, numbers])).to.equal(503);
      expect(answer.msg).to.match(/ticket_id_list|number_list/);
    }
    expect(await show.server.app.db('show_orders').where({ user_id: buyer.id }).count({ n: '*' }).first()).to.deep.equal({ n: 0 });
    expect(await f.remain(few)).to.equal(2);
  });

  it('50 parallel buyers on the last 5 tickets: exactly 5 orders, remain 0, never negative', async () => {
    const ticket = await show.ticket({ total: 5 });
    const buyers = await Promise.all(Array.from({ length: 50 }, () => show.person()));
    const answers = await Promise.all(buyers.map((who) => show.raw(who, 'order.create', { ticket_id_list: [ticket], number_list: [1] })));
    const won = answers.filter((a) => a.code === 200);
    expect(won).to.have.length(5);
    for (const lost of answers.filter((a) => a.code !== 200)) refused(lost, /^not enough tickets remaining$/);
    expect(await f.remain(ticket)).to.equal(0);
    const orders = await show.server.app.db('show_order_items').where({ ticket_id: ticket }).select('order_id', 'number');
    expect(orders.map((o) => Number(o.number))).to.deep.equal([1, 1, 1, 1, 1]);
    expect(new Set(orders.map((o) => String(o.order_id)))).to.deep.equal(new Set(won.map((a) => (a.data as { order_id: string }).order_id)));
  });

  it('order.create.by.shopping.cart orders the cart lines named with the cart numbers and removes only those lines', async () => {
    const buyer = await show.person();
    const [a, b, c] = [await show.ticket({ price: 10 }), await show.ticket({ price: 5, total: 4 }), await show.ticket()];
    await cartLine(buyer, a, 3);
    await cartLine(buyer, b, 4);
    await cartLine(buyer, c, 1);
    const data = await show.as<{ order_id: string }>(buyer, 'order.create.by.shopping.cart', { ticket_id_list: [b, a] });
    expect(data).to.have.all.keys('order_id');
    expect(await f.order(data.order_id)).to.include({ status: 0, total_cents: 3 * 1000 + 4 * 500, number: 7 });
    expect([await f.remain(a), await f.remain(b)]).to.deep.equal([97, 0]);
    expect(await cartOf(buyer)).to.deep.equal([[c, 1]]);

    refused(await show.raw(buyer, 'order.create.by.shopping.cart', { ticket_id_list: [a] }), /^ticket not in cart$/);
    refused(await show.raw(buyer, 'order.create.by.shopping.cart', { ticket_id_list: [c, a] }), /^ticket not in cart$/);
    await cartLine(buyer, b, 1);
    refused(await show.raw(buyer, 'order.create.by.shopping.cart', { ticket_id_list: [c, b] }), /^not enough tickets remaining$/);
    expect(await cartOf(buyer), 'a refused order leaves the cart as it was').to.deep.equal([[b, 1], [c, 1]]);
    expect(await f.remain(c)).to.equal(100);
  });

  it('order.create.by.shopping.cart twice at once from one cart: one order, the cart line used once', async () => {
    const buyer = await show.person();
    const ticket = await show.ticket();
    await cartLine(buyer, ticket, 2);
    const answers = await Promise.all(Array.from({ length: 6 }, () => show.raw(buyer, 'order.create.by.shopping.cart', { ticket_id_list: [ticket] })));
    expect(answers.filter((a) => a.code === 200)).to.have.length(1);
    for (const lost of answers.filter((a) => a.code !== 200)) refused(lost, /^ticket not in cart$/);
    expect(await f.remain(ticket)).to.equal(98);
    expect(await cartOf(buyer)).to.deep.equal([]);
  });

  it('order.cancel: own unpaid orders only; the tickets come back exactly once, also under parallel cancels', async () => {
    const buyer = await show.person();
    const stranger = await show.person();
    const ticket = await show.ticket({ total: 10 });
    const orderId = await f.buy(buyer, [[ticket, 4]]);
    refused(await show.raw(stranger, 'order.cancel', { order_id: orderId }), /^order not found or not yours$/);
    refused(await show.raw(buyer, 'order.cancel', { order_id: '99999' }), /^order not found or not yours$/);
    show.server.clock.advance(3000);
    const answers = await Promise.all(Array.from({ length: 5 }, () => show.raw(buyer, 'order.cancel', { order_id: orderId })));
    expect(answers.filter((a) => a.code === 200).map((a) => a.data)).to.deep.equal([{}]);
    for (const lost of answers.filter((a) => a.code !== 200)) refused(lost, /^only unpaid orders can be cancelled$/);
    expect(await f.remain(ticket)).to.equal(10);
    const row = await f.order(orderId);
    expect(row.status).to.equal(2);
    expect(row.u_time).to.equal(Math.floor(show.server.clock.now() / 1000));
    refused(await show.raw(buyer, 'order.cancel', { order_id: orderId }), /^only unpaid orders can be cancelled$/);
    expect(await f.remain(ticket)).to.equal(10);
  });

  it('order.detail: 503 for an unknown order or one of someone else', async () => {
    const buyer = await show.person();
    const orderId = await f.buy(buyer, [[await show.ticket(), 1]]);
    refused(await show.raw(await show.person(), 'order.detail', { order_id: orderId }), /^order not found or not yours$/);
    refused(await show.raw(buyer, 'order.detail', { order_id: '2147483647' }), /^order not found or not yours$/);
  });

  it('my.order.list: the caller\'s orders newest first, by status, paged with total and isnext', async () => {
    const buyer = await show.person();
    const ticket = await show.ticket({ price: 1.5 });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      show.server.clock.advance(1000);
      ids.push(await f.buy(buyer, [[ticket, i]]));
    }
    await f.buy(await show.person(), [[ticket, 1]]);
    await show.as(buyer, 'order.cancel', { order_id: ids[1] });
    const all = await show.as<Record<string, unknown>>(buyer, 'my.order.list', {});
    const list = expectPaged(all, 'my_order_list', 5, false) as Array<Record<string, unknown>>;
    expect(list.map((o) => o.order_id)).to.deep.equal([...ids].reverse());
    for (const order of list) expect(order).to.have.all.keys(...ORDER_KEYS);
    expect(list[4]).to.deep.include({ price: 1.5, number: 1, status: 0 });
    const page = expectPaged(await show.as(buyer, 'my.order.list', { limit: 2, offset: 1 }), 'my_order_list', 5, true) as Array<{ order_id: string }>;
    expect(page.map((o) => o.order_id)).to.deep.equal([ids[3], ids[2]]);
    const cancelled = expectPaged(await show.as(buyer, 'my.order.list', { status: 2 }), 'my_order_list', 1, false) as Array<{ order_id: string; status: number }>;
    expect(cancelled).to.have.length(1);
    expect(cancelled[0]).to.include({ order_id: ids[1], status: 2 });
    expectPaged(await show.as(buyer, 'my.order.list', { status: 1 }), 'my_order_list', 0, false);
    expect((await show.raw(buyer, 'my.order.list', { status: 4 })).code).to.equal(503);
    expect((await show.raw(buyer, 'my.order.list', { limit: 101 })).code).to.equal(503);
  });

  it('my.ticket.list: each ticket of the caller\'s paid orders once, most recently bought first; unpaid and cancelled ones left out', async () => {
    const buyer = await show.person();
    await f.fund(buyer, 100_000);
    const [a, b, c] = [await show.ticket({ name: 'A', price: 10, intro: 'first' }), await show.ticket({ name: 'B', price: 12.5 }), await show.ticket({ name: 'C' })];
    const pay = (orderId: string) => show.as(buyer, 'order.pay', { order_id: orderId, pay_method: 'wallet' });
    await pay(await f.buy(buyer, [[a, 1], [b, 2]]));
    show.server.clock.advance(1000);
    await pay(await f.buy(buyer, [[a, 3]]));
    await f.buy(buyer, [[c, 1]]);
    await show.as(buyer, 'order.cancel', { order_id: await f.buy(buyer, [[c, 1]]) });
    expectPaged(await show.as(await show.person(), 'my.ticket.list', {}), 'my_ticket_list', 0, false);

    const list = expectPaged(await show.as(buyer, 'my.ticket.list', {}), 'my_ticket_list', 2, false) as Array<Record<string, unknown>>;
    for (const ticket of list) expect(ticket).to.have.all.keys('ticket_id', 'name', 'image', 'intro', 'price', 'created_at');
    expect(list.map((t) => t.ticket_id)).to.deep.equal([a, b]);
    expect(list[0]).to.include({ name: 'A', intro: 'first', price: 10 });
    expect(list[0].image).to.match(/^https?:\/\//);
    expect(list[0].created_at).to.be.a('number');
    const second = expectPaged(await show.as(buyer, 'my.ticket.list', { limit: 1, offset: 1 }), 'my_ticket_list', 2, false) as Array<{ ticket_id: string }>;
    expect(second.map((t) => t.ticket_id)).to.deep.equal([b]);
  });

  it('a token issued under the app namespace is refused here (601)', async () => {
    const appUser = await createTestUser(show.server, { apiType: 'app' });
    expect((await show.client.call('my.order.list', {}, { token: appUser.token })).code).to.equal(601);
  });
});
