import { expect } from 'chai';
import { seed } from '../../../../app/products/show/demo/040_tickets';
import { expectPaged, useShowServer, type ShowUser } from '../helpers';

const DEMO_PHONES = Array.from({ length: 12 }, (_, i) => `13900139${String(i).padStart(3, '0')}`);

describe('show demo: tickets', () => {
  const show = useShowServer();
  const count = async (table: string) => Number(((await show.server.app.db(table).count({ n: '*' })) as Array<{ n: number }>)[0].n);

  it('without the demo people: the ten tickets alone, nothing else, no error', async () => {
    await seed(show.server.app);
    expect(await count('show_tickets')).to.equal(10);
    expect(await count('show_ticket_comments')).to.equal(0);
    expect(await count('show_cart_items')).to.equal(0);
    await show.server.app.db('show_tickets').delete();
  });

  it('with the demo people: ten tickets (one sold out), comments by them, the demo user cart of two lines', async () => {
    const people: ShowUser[] = [];
    for (const mobile of DEMO_PHONES) people.push(await show.person({ mobile }));
    await seed(show.server.app);
    const [demo] = people;
    const list = expectPaged(await show.as(demo, 'ticket.list', { limit: 100 }), 'ticket_list', 10, false) as Array<{ ticket_id: string; remain: number; total: number; image: string }>;
    expect(list.filter((t) => t.remain === 0)).to.have.length(1);
    expect(list.filter((t) => t.remain >= 5), 'enough left for the demo orders').to.have.length(9);
    expect((await fetch(`${show.server.url}${new URL(list[0].image).pathname}`)).status).to.equal(200);
    const uids = new Set(people.map((p) => p.uid));
    for (const ticket of list) {
      const comments = expectPaged(await show.as(demo, 'ticket.comment.list', { ticket_id: ticket.ticket_id }), 'ticket_comment_list', (await show.server.app.db('show_ticket_comments').where({ ticket_id: Number(ticket.ticket_id) })).length, false) as Array<{ uid: string }>;
      expect(comments.length).to.be.at.least(2);
      for (const comment of comments) expect(uids.has(comment.uid)).to.equal(true);
    }
    const cart = await show.as<{ shopping_cart_info: Array<{ status: number; number: number }> }>(demo, 'shopping.cart.info');
    expect(cart.shopping_cart_info).to.have.length(2);
    expect(cart.shopping_cart_info.every((line) => line.status === 0)).to.equal(true);
  });
});
