import { expect } from 'chai';
import { SHOW_DEMO_PHONES } from '../../../../app/products/show/demo/010_people';
import { seed } from '../../../../app/products/show/demo/040_tickets';
import { userDirectory } from '../../../../app/platform/identity/users';
import { expectPaged, seedDemoAndLogin, useShowServer } from '../helpers';

describe('show demo: 040_tickets', () => {
  const show = useShowServer();
  const count = async (table: string) => Number(((await show.server.app.db(table).count({ n: '*' })) as Array<{ n: number }>)[0].n);

  it('without the demo people: the ten tickets alone, nothing else, no error', async () => {
    await seed(show.server.app);
    expect(await count('show_tickets')).to.equal(10);
    expect(await count('show_ticket_comments')).to.equal(0);
    expect(await count('show_cart_items')).to.equal(0);
    await show.server.app.db('show_tickets').delete();
  });

  it('in the whole show demo: ten tickets (one sold out), comments by the demo people, the demo user cart of two lines', async () => {
    const { call } = await seedDemoAndLogin(show.server);
    const list = expectPaged(await call('ticket.list', { limit: 100 }), 'ticket_list', 10, false) as Array<{ ticket_id: string; remain: number; image: string }>;
    expect(list.filter((t) => t.remain === 0)).to.have.length(1);
    expect((await fetch(`${show.server.url}${new URL(list[0].image).pathname}`)).status, 'the pictures are served').to.equal(200);
    const people = await Promise.all(SHOW_DEMO_PHONES.map((phone) => show.server.app.use(userDirectory).byMobile(phone)));
    const uids = new Set(people.map((p) => p!.open_id));
    for (const ticket of list) {
      const all = await show.server.app.db('show_ticket_comments').where({ ticket_id: Number(ticket.ticket_id) });
      const comments = expectPaged(await call('ticket.comment.list', { ticket_id: ticket.ticket_id }), 'ticket_comment_list', all.length, false) as Array<{ uid: string }>;
      expect(comments.length).to.be.at.least(2);
      for (const comment of comments) expect(uids.has(comment.uid)).to.equal(true);
    }
    const cart = await call<{ shopping_cart_info: Array<{ status: number }> }>('shopping.cart.info');
    expect(cart.shopping_cart_info).to.have.length(2);
    expect(cart.shopping_cart_info.every((line) => line.status === 0)).to.equal(true);
  });
});
