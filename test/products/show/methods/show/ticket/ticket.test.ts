import { expect } from 'chai';
import { expectPaged, ok, refused, useShowServer } from '../../../helpers';

const TICKET_KEYS = ['ticket_id', 'name', 'image', 'intro', 'price', 'total', 'remain', 'created_at'];
const COMMENT_KEYS = ['ticket_comment_id', 'uid', 'content', 'created_at'];

describe('show ticket methods', () => {
  const show = useShowServer();

  it('ticket.list: tickets on sale (sold out too), newest first, paged; off-sale ones hidden', async () => {
    const fan = await show.person();
    const before = (await show.as<{ total: number }>(fan, 'ticket.list')).total;
    const first = await show.ticket({ name: 'First', price: 12.5, total: 3, intro: 'row A' });
    await show.ticket({ name: 'Hidden', status: 0 });
    const soldOut = await show.ticket({ name: 'Sold out', total: 0 });
    const all = expectPaged(await show.as(fan, 'ticket.list', { limit: 100 }), 'ticket_list', before + 2, false) as Array<Record<string, unknown>>;
    expect(all.slice(0, 2).map((t) => t.ticket_id)).to.deep.equal([soldOut, first]);
    expect(all[1]).to.have.all.keys(...TICKET_KEYS);
    expect(all[1]).to.deep.include({ name: 'First', intro: 'row A', price: 12.5, total: 3, remain: 3 });
    expect(all[1].image).to.match(/^https?:\/\/.+\/files\//);
    expect(all[1].created_at).to.equal(Math.floor(show.server.app.clock.now() / 1000));
    expect(all[0]).to.deep.include({ total: 0, remain: 0 });
    const page = expectPaged(await show.as(fan, 'ticket.list', { limit: 1, offset: 1 }), 'ticket_list', before + 2, before + 2 > 2) as Array<Record<string, unknown>>;
    expect(page.map((t) => t.ticket_id)).to.deep.equal([first]);
    expect((await show.client.call('ticket.list')).code, 'needs a token').to.not.equal(200);
    expect((await show.raw(fan, 'ticket.list', { limit: 101 })).code).to.not.equal(200);
  });

  it('ticket.detail: the ticket with updated_at and its newest comments; 503 for unknown or off-sale tickets', async () => {
    const fan = await show.person();
    const ticket = await show.ticket({ name: 'Detail', price: 30, total: 8 });
    const first = await show.as<{ ticket_comment_id: string }>(fan, 'ticket.comment.publish', { ticket_id: ticket, content: 'first' });
    show.server.clock.advance(2000);
    const second = await show.as<{ ticket_comment_id: string }>(fan, 'ticket.comment.publish', { ticket_id: ticket, content: 'second' });
    const data = await show.as<{ ticket_detail: Record<string, unknown>; ticket_comment_list: Array<Record<string, unknown>> }>(fan, 'ticket.detail', { ticket_id: ticket });
    expect(data).to.have.all.keys('ticket_detail', 'ticket_comment_list');
    expect(data.ticket_detail).to.have.all.keys(...TICKET_KEYS, 'updated_at');
    expect(data.ticket_detail).to.deep.include({ ticket_id: ticket, name: 'Detail', price: 30, total: 8, remain: 8 });
    expect(data.ticket_detail.updated_at).to.be.a('number');
    expect(data.ticket_comment_list.map((c) => c.ticket_comment_id)).to.deep.equal([second.ticket_comment_id, first.ticket_comment_id]);
    expect(data.ticket_comment_list[0]).to.have.all.keys(...COMMENT_KEYS);
    expect(data.ticket_comment_list[0]).to.include({ uid: fan.uid, content: 'second' });
    refused(await show.raw(fan, 'ticket.detail', { ticket_id: '999999' }), /^ticket not found$/);
    const hidden = await show.ticket({ status: 0 });
    refused(await show.raw(fan, 'ticket.detail', { ticket_id: hidden }), /^ticket not found$/);
    expect((await show.raw(fan, 'ticket.detail', { ticket_id: 'abc' })).code).to.not.equal(200);
  });

  it('ticket.detail shows at most the newest 100 comments', async () => {
    const fan = await show.person();
    const ticket = await show.ticket();
    const ticketId = Number(ticket);
    await show.server.app.db('show_ticket_comments').insert(Array.from({ length: 105 }, (_, i) => ({ ticket_id: ticketId, user_id: fan.id, content: `c${i}`, c_time: 1 })));
    const data = await show.as<{ ticket_comment_list: Array<{ content: string }> }>(fan, 'ticket.detail', { ticket_id: ticket });
    expect(data.ticket_comment_list).to.have.length(100);
    expect(data.ticket_comment_list[0].content).to.equal('c104');
  });

  it('ticket.comment.publish stores the comment and answers its id; refuses unknown or off-sale tickets and bad content', async () => {
    const fan = await show.person();
    const ticket = await show.ticket();
    const data = await show.as<{ ticket_comment_id: string }>(fan, 'ticket.comment.publish', { ticket_id: ticket, content: '  great  ' });
    expect(data).to.have.all.keys('ticket_comment_id');
    const row = await show.server.app.db('show_ticket_comments').where({ id: Number(data.ticket_comment_id) }).first();
    expect(row).to.include({ ticket_id: Number(ticket), user_id: fan.id, content: 'great' });
    const count = async () => Number(((await show.server.app.db('show_ticket_comments').count({ n: '*' })) as Array<{ n: number }>)[0].n);
    const before = await count();
    refused(await show.raw(fan, 'ticket.comment.publish', { ticket_id: '999999', content: 'x' }), /^ticket not found$/);
    refused(await show.raw(fan, 'ticket.comment.publish', { ticket_id: await show.ticket({ status: 0 }), content: 'x' }), /^ticket not found$/);
    for (const content of ['', '   ', 'x'.repeat(501)]) {
      expect((await show.raw(fan, 'ticket.comment.publish', { ticket_id: ticket, content })).code, JSON.stringify(content)).to.not.equal(200);
    }
    expect(await count()).to.equal(before);
  });

  it('ticket.comment.list: newest first, paged; 503 for an unknown ticket', async () => {
    const [a, b] = [await show.person(), await show.person()];
    const ticket = await show.ticket();
    const ids: string[] = [];
    for (const [i, who] of [a, b, a].entries()) {
      ids.push((await show.as<{ ticket_comment_id: string }>(who, 'ticket.comment.publish', { ticket_id: ticket, content: `n${i}` })).ticket_comment_id);
    }
    const page1 = expectPaged(await show.as(b, 'ticket.comment.list', { ticket_id: ticket, limit: 2 }), 'ticket_comment_list', 3, true) as Array<Record<string, unknown>>;
    expect(page1.map((c) => c.ticket_comment_id)).to.deep.equal([ids[2], ids[1]]);
    expect(page1[1]).to.deep.equal({ ticket_comment_id: ids[1], uid: b.uid, content: 'n1', created_at: page1[1].created_at });
    const page2 = expectPaged(await show.as(b, 'ticket.comment.list', { ticket_id: ticket, limit: 2, offset: 2 }), 'ticket_comment_list', 3, false) as Array<Record<string, unknown>>;
    expect(page2.map((c) => c.uid)).to.deep.equal([a.uid]);
    refused(await show.raw(a, 'ticket.comment.list', { ticket_id: '999999' }), /^ticket not found$/);
  });
});
