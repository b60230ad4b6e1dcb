import { expect } from 'chai';
import { CART_LINES_MAX } from '../../../../../../app/products/show/services/cart';
import { ok, refused, useShowServer, type ShowUser } from '../../../helpers';

const LINE_KEYS = ['ticket_id', 'ticket_name', 'ticket_image', 'ticket_intro', 'ticket_price', 'number', 'status', 'created_at', 'updated_at'];

describe('show shopping cart methods', () => {
  const show = useShowServer();
  const lineOf = async (who: ShowUser, ticket: string) =>
    (await show.server.app.db('show_cart_items').where({ user_id: who.id, ticket_id: Number(ticket) }).first('number')) as { number: number } | undefined;

  it('shopping.cart.add: 1 by default, adds to the line, never over 10', async () => {
    const fan = await show.person();
    const ticket = await show.ticket();
    ok(await show.raw(fan, 'shopping.cart.add', { ticket_id: ticket }));
    expect(await lineOf(fan, ticket)).to.deep.equal({ number: 1 });
    ok(await show.raw(fan, 'shopping.cart.add', { ticket_id: Number(ticket), number: 3 }));
    expect(await lineOf(fan, ticket)).to.deep.equal({ number: 4 });
    refused(await show.raw(fan, 'shopping.cart.add', { ticket_id: ticket, number: 7 }), /^cart line over 10/);
    expect(await lineOf(fan, ticket), 'a refused add changes nothing').to.deep.equal({ number: 4 });
    ok(await show.raw(fan, 'shopping.cart.add', { ticket_id: ticket, number: 6 }));
    expect(await lineOf(fan, ticket)).to.deep.equal({ number: 10 });
    refused(await show.raw(fan, 'shopping.cart.add', { ticket_id: ticket }), /^cart line over 10/);
    for (const number of [0, 11, 1.5, 'two']) {
      expect((await show.raw(fan, 'shopping.cart.add', { ticket_id: await show.ticket(), number })).code, String(number)).to.not.equal(200);
    }
  });

  it('shopping.cart.add refuses unknown and off-sale tickets and adds no line', async () => {
    const fan = await show.person();
    const hidden = await show.ticket({ status: 0 });
    refused(await show.raw(fan, 'shopping.cart.add', { ticket_id: '999999' }), /^ticket not found or off sale$/);
    refused(await show.raw(fan, 'shopping.cart.add', { ticket_id: hidden }), /^ticket not found or off sale$/);
    expect(await show.server.app.db('show_cart_items').where({ user_id: fan.id })).to.deep.equal([]);
  });

  it('shopping.cart.add: 15 parallel adds of one to a line end at exactly 10, the rest refused', async () => {
    const fan = await show.person();
    const ticket = await show.ticket();
    const answers = await Promise.all(Array.from({ length: 15 }, () => show.raw(fan, 'shopping.cart.add', { ticket_id: ticket })));
    expect(answers.filter((a) => a.code === 200)).to.have.length(10);
    for (const refusal of answers.filter((a) => a.code !== 200)) refused(refusal, /^cart line over 10/);
    expect(await lineOf(fan, ticket)).to.deep.equal({ number: 10 });
    const mixed = await show.ticket();
    const sizes = [3, 4, 5, 2, 6];
    const results = await Promise.all(sizes.map((number) => show.raw(fan, 'shopping.cart.add', { ticket_id: mixed, number })));
    const added = sizes.filter((_, i) => results[i].code === 200).reduce((sum, n) => sum + n, 0);
    expect(added).to.be.at.most(10);
    expect(await lineOf(fan, mixed)).to.deep.equal({ number: added });
  });

  it('shopping.cart.del: takes some off, the whole line without number or with as many; 503 not in cart', async () => {
    const fan = await show.person();
    const ticket = await show.ticket();
    ok(await show.raw(fan, 'shopping.cart.add', { ticket_id: ticket, number: 5 }));
    ok(await show.raw(fan, 'shopping.cart.del', { ticket_id: ticket, number: 2 }));
    expect(await lineOf(fan, ticket)).to.deep.equal({ number: 3 });
    ok(await show.raw(fan, 'shopping.cart.del', { ticket_id: ticket, number: 3 }));
    expect(await lineOf(fan, ticket)).to.equal(undefined);
    refused(await show.raw(fan, 'shopping.cart.del', { ticket_id: ticket }), /^ticket not in cart$/);
    refused(await show.raw(fan, 'shopping.cart.del', { ticket_id: ticket, number: 1 }), /^ticket not in cart$/);
    ok(await show.raw(fan, 'shopping.cart.add', { ticket_id: ticket, number: 4 }));
    ok(await show.raw(fan, 'shopping.cart.del', { ticket_id: ticket }));
    expect(await lineOf(fan, ticket)).to.equal(undefined);
    const other = await show.person();
    ok(await show.raw(other, 'shopping.cart.add', { ticket_id: ticket }));
    refused(await show.raw(fan, 'shopping.cart.del', { ticket_id: ticket }), /^ticket not in cart$/);
    expect(await lineOf(other, ticket), "another's line stays").to.deep.equal({ number: 1 });
    expect((await show.raw(other, 'shopping.cart.del', { ticket_id: ticket, number: 0 })).code).to.not.equal(200);
  });

  it('shopping.cart.info: newest line first with the ticket as it is now; status 1 when sold out or off sale', async () => {
    const fan = await show.person();
    expect(ok(await show.raw(fan, 'shopping.cart.info'))).to.deep.equal({ shopping_cart_info: [] });
    const plenty = await show.ticket({ name: 'Plenty', price: 9.9, total: 20, intro: 'seats' });
    const few = await show.ticket({ name: 'Few', total: 2 });
    const later = await show.ticket({ name: 'Later' });
    ok(await show.raw(fan, 'shopping.cart.add', { ticket_id: plenty, number: 2 }));
    show.server.clock.advance(1000);
    ok(await show.raw(fan, 'shopping.cart.add', { ticket_id: few, number: 3 }));
    show.server.clock.advance(1000);
    ok(await show.raw(fan, 'shopping.cart.add', { ticket_id: later }));
    ok(await show.admin.call('show.ticket.edit', { admin_id: 9, ticket_id: later, status: 0 }));
    const data = await show.as<{ shopping_cart_info: Array<Record<string, unknown>> }>(fan, 'shopping.cart.info');
    expect(data).to.have.all.keys('shopping_cart_info');
    const lines = data.shopping_cart_info;
    expect(lines.map((l) => l.ticket_id)).to.deep.equal([later, few, plenty]);
    for (const line of lines) expect(line).to.have.all.keys(...LINE_KEYS);
    expect(lines[2]).to.deep.include({ ticket_name: 'Plenty', ticket_intro: 'seats', ticket_price: 9.9, number: 2, status: 0 });
    expect(lines[2].ticket_image).to.match(/^https?:\/\/.+\/files\//);
    expect(lines[1], 'fewer left than the line holds').to.deep.include({ number: 3, status: 1 });
    expect(lines[0], 'off sale').to.deep.include({ status: 1 });
    expect(lines[2].created_at).to.be.below(lines[1].created_at as number);
    expect(lines[2].updated_at).to.be.a('number');
  });

  it('shopping.cart.add refuses a new line beyond 50 different tickets, still adds to an existing one', async () => {
    const fan = await show.person();
    const ticket = await show.ticket();
    await show.server.app.db('show_cart_items').insert(Array.from({ length: CART_LINES_MAX }, (_, i) => ({ user_id: fan.id, ticket_id: 1_000_000 + i, number: 1, c_time: 1, u_time: 1 })));
    refused(await show.raw(fan, 'shopping.cart.add', { ticket_id: ticket }), /^cart full: at most 50/);
    await show.server.app.db('show_cart_items').where({ user_id: fan.id, ticket_id: 1_000_000 }).update({ ticket_id: Number(ticket) });
    ok(await show.raw(fan, 'shopping.cart.add', { ticket_id: ticket }));
    expect(await lineOf(fan, ticket)).to.deep.equal({ number: 2 });
  });
});
