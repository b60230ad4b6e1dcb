import { expect } from 'chai';
import { showTickets } from '../../../../../../app/products/show/services/tickets';
import { transaction } from '../../../../../../app/storage/db';
import { ADMIN_ID, expectPaged, ok, refused, useShowServer } from '../../../helpers';

const ADMIN_TICKET_KEYS = ['ticket_id', 'name', 'image', 'intro', 'price', 'total', 'remain', 'created_at', 'status', 'updated_at'];

describe('show admin ticket methods', () => {
  const show = useShowServer();
  const admin = <T = unknown>(method: string, params: Record<string, unknown>) => show.admin.call<T>(method, { admin_id: ADMIN_ID, ...params });
  const row = (id: string) => show.server.app.db('show_tickets').where({ id: Number(id) }).first();

  it('show.ticket.add stores cents, the absolute image URL, all of total reservable, and who added it', async () => {
    const owner = await show.person();
    const image = await show.image(owner);
    const data = ok(await admin<{ ticket_id: string }>('show.ticket.add', { name: ' Spring show ', image: image.url, intro: 'front row', price: 19.99, total: 50, status: 0 }));
    expect(data).to.have.all.keys('ticket_id');
    expect(data.ticket_id).to.match(/^[1-9]\d*$/);
    expect(await row(data.ticket_id)).to.include({ name: 'Spring show', image: image.url, intro: 'front row', price: 1999, total: 50, remain: 50, status: 0, c_by: ADMIN_ID, u_by: ADMIN_ID });
    const byId = ok(await admin<{ ticket_id: string }>('show.ticket.add', { name: 'By id', image: image.fileId, price: 5, total: 0 }));
    expect(await row(byId.ticket_id), 'defaults: on sale, no intro').to.include({ image: image.url, intro: '', status: 1, remain: 0 });
  });

  it('show.ticket.add refuses a foreign image, a bad price or total, a missing admin_id, and adds nothing', async () => {
    const before = await show.server.app.db('show_tickets').count({ n: '*' });
    const owner = await show.person();
    const image = await show.image(owner);
    refused(await admin('show.ticket.add', { name: 'x', image: 'https://elsewhere.example/a.png', price: 1, total: 1 }), /image/);
    refused(await admin('show.ticket.add', { name: 'x', image: 999_999, price: 1, total: 1 }), /image: image not found/);
    for (const bad of [{ price: 1.005 }, { price: 0 }, { price: -1 }, { total: -1 }, { total: 1.5 }, { status: 2 }, { name: '' }, { name: 'x'.repeat(101) }]) {
      const answer = await admin('show.ticket.add', { name: 'x', image: image.fileId, price: 1, total: 1, ...bad });
      expect(answer.code, JSON.stringify(bad)).to.not.equal(200);
    }
    const anonymous = await show.admin.call('show.ticket.add', { name: 'x', image: image.fileId, price: 1, total: 1 });
    expect(anonymous.code, 'admin_id is required').to.not.equal(200);
    expect(await show.server.app.db('show_tickets').count({ n: '*' })).to.deep.equal(before);
  });

  it('show.ticket.add is not a show method', async () => {
    const owner = await show.person();
    const answer = await show.raw(owner, 'show.ticket.add', { admin_id: ADMIN_ID, name: 'x', image: 1, price: 1, total: 1 });
    expect(answer.code).to.not.equal(200);
  });

  const reserve = (ticket: string, number: number) =>
    transaction(show.server.app.db, (trx) => show.server.app.use(showTickets).reserve(trx, Number(ticket), number));

  it('show.ticket.edit changes the given fields, who and when; a new total moves remain by as much', async () => {
    const owner = await show.person();
    const image = await show.image(owner);
    const ticket = await show.ticket({ name: 'Old', price: 10, total: 50 });
    expect(await reserve(ticket, 30)).to.equal(true);
    show.server.clock.advance(5000);
    ok(await admin('show.ticket.edit', { admin_id: 77, ticket_id: ticket, name: 'New', image: image.fileId, intro: 'moved', price: 12.34, status: 0 }));
    expect(await row(ticket)).to.include({ name: 'New', image: image.url, intro: 'moved', price: 1234, status: 0, total: 50, remain: 20, c_by: ADMIN_ID, u_by: 77, u_time: Math.floor(show.server.app.clock.now() / 1000) });
    ok(await admin('show.ticket.edit', { ticket_id: ticket, total: 80 }));
    expect(await row(ticket)).to.include({ total: 80, remain: 50 });
    ok(await admin('show.ticket.edit', { ticket_id: ticket, total: 30 }));
    expect(await row(ticket), 'down to exactly what is taken').to.include({ total: 30, remain: 0 });
    refused(await admin('show.ticket.edit', { ticket_id: ticket, total: 29 }), /^total: not below what is sold or reserved \(30\)$/);
    expect(await row(ticket)).to.include({ total: 30, remain: 0 });
  });

  it('show.ticket.edit refuses no field, an unknown ticket, a foreign image, and changes nothing', async () => {
    const ticket = await show.ticket({ name: 'Kept' });
    const before = await row(ticket);
    refused(await admin('show.ticket.edit', { ticket_id: ticket }), /nothing to update/);
    refused(await admin('show.ticket.edit', { ticket_id: '999999', name: 'x' }), /^ticket not found$/);
    refused(await admin('show.ticket.edit', { ticket_id: ticket, name: 'x', image: 'https://elsewhere.example/a.png' }), /image/);
    expect((await admin('show.ticket.edit', { ticket_id: ticket, price: 0.001 })).code).to.not.equal(200);
    expect((await show.admin.call('show.ticket.edit', { ticket_id: ticket, name: 'x' })).code, 'admin_id is required').to.not.equal(200);
    expect(await row(ticket)).to.deep.equal(before);
  });

  it('show.ticket.edit of total and reservations at once: remain stays total minus what was taken', async () => {
    const ticket = await show.ticket({ total: 20 });
    const [, ...reserved] = await Promise.all([admin('show.ticket.edit', { ticket_id: ticket, total: 40 }), ...Array.from({ length: 10 }, () => reserve(ticket, 1))]);
    expect(reserved.every(Boolean)).to.equal(true);
    expect(await row(ticket)).to.include({ total: 40, remain: 30 });
  });

  it('reserve never takes below zero: 50 buyers on the last 5 get exactly 5; release gives back', async () => {
    const ticket = await show.ticket({ total: 5 });
    const taken = await Promise.all(Array.from({ length: 50 }, () => reserve(ticket, 1)));
    expect(taken.filter(Boolean)).to.have.length(5);
    expect(await row(ticket)).to.include({ remain: 0 });
    expect(await reserve(ticket, 1)).to.equal(false);
    await transaction(show.server.app.db, (trx) => show.server.app.use(showTickets).release(trx, Number(ticket), 2));
    expect(await row(ticket)).to.include({ remain: 2 });
    ok(await admin('show.ticket.edit', { ticket_id: ticket, status: 0 }));
    expect(await reserve(ticket, 1), 'off sale').to.equal(false);
  });

  it('show.ticket.list: every status, newest first, paged, or one status', async () => {
    const on = await show.ticket({ name: 'On' });
    const off = await show.ticket({ name: 'Off', status: 0, price: 7.5 });
    const [{ n }] = (await show.server.app.db('show_tickets').count({ n: '*' })) as Array<{ n: number }>;
    const all = expectPaged(ok(await admin('show.ticket.list', { limit: 2 })), 'ticket_list', Number(n), Number(n) > 2) as Array<Record<string, unknown>>;
    expect(all.map((t) => t.ticket_id)).to.deep.equal([off, on]);
    expect(all[0]).to.have.all.keys(...ADMIN_TICKET_KEYS);
    expect(all[0]).to.deep.include({ name: 'Off', status: 0, price: 7.5 });
    const offOnly = ok<{ ticket_list: Array<{ status: number }> }>(await admin('show.ticket.list', { status: 0, limit: 100 }));
    expect(offOnly.ticket_list.length).to.be.at.least(1);
    expect(offOnly.ticket_list.every((t) => t.status === 0)).to.equal(true);
    const second = expectPaged(ok(await admin('show.ticket.list', { limit: 1, offset: 1 })), 'ticket_list', Number(n), Number(n) > 2) as Array<Record<string, unknown>>;
    expect(second.map((t) => t.ticket_id)).to.deep.equal([on]);
  });
});
