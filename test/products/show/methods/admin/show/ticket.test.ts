import { expect } from 'chai';
import { ADMIN_ID, ok, refused, useShowServer } from '../../../helpers';

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
});
