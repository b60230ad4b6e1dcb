import { expect } from 'chai';
import { expectPage, ok, refused, useAdminServer } from '../../../../../helpers/admin';
import { expectShape } from '../../../../../helpers/shape';
import { createTestUser } from '../../../../../helpers/users';

const SEED_NOTICE = { noticeid: 1, title: '', summary: '', c_time: '' };

describe('admin notice.*', () => {
  const t = useAdminServer(5);

  const listed = async () => ok(await t.app.call<{ list: Array<typeof SEED_NOTICE> }>('notice.list')).list;

  it('notice.add answers {noticeid}; the app lists it and shows its sanitised body', async () => {
    const user = await createTestUser(t.server, { registeredAt: Math.floor(t.server.clock.now() / 1000) - 60 });
    const { noticeid } = ok(await t.admin<{ noticeid: number }>('notice.add', { title: 'Maintenance', summary: 'Tonight', body: '<p>Down at 2am</p><img src=x onerror=alert(1)>' }));
    expect(noticeid).to.be.a('number');
    expect(await t.server.app.db('notices').where({ noticeid }).first()).to.include({ cur_status: 1, terminal: 0, is_dialog: 0, body: '<p>Down at 2am</p><img src="x" />', c_by: 5 });

    const list = await listed();
    expect(list.map((n) => n.noticeid)).to.include(noticeid);
    expectShape(list[0], SEED_NOTICE, 'notice');
    const detail = ok(await t.app.call<{ body: string }>('notice.detail', { noticeid }, { token: user.token }));
    expect(detail.body).to.equal('<p>Down at 2am</p><img src="x" />');

    const page = ok(await t.adminClient.call('notice.list'));
    expectPage(page, t.server.config.paging.pageSize);
    expect(page.list[0]).to.include({ noticeid, cur_status: 1 });
    expect(page.list[0].platforms).to.deep.equal([]);
  });

  it('hiding (cur_status 0) and deleting take a notice out of the app', async () => {
    const { noticeid } = ok(await t.admin<{ noticeid: number }>('notice.add', { title: 'Soon hidden', body: 'text' }));
    ok(await t.admin('notice.edit', { noticeid, cur_status: 0 }));
    expect((await listed()).map((n) => n.noticeid)).not.to.include(noticeid);
    ok(await t.admin('notice.edit', { noticeid, cur_status: 1 }));
    expect((await listed()).map((n) => n.noticeid)).to.include(noticeid);
    ok(await t.admin('notice.delete', { noticeid }));
    expect(await t.server.app.db('notices').where({ noticeid }).first()).to.include({ cur_status: 2 });
    expect((await listed()).map((n) => n.noticeid)).not.to.include(noticeid);
    expect((await t.app.call('notice.detail', { noticeid })).code).to.equal(503);
    refused(await t.admin('notice.edit', { noticeid, title: 'x' }), /notice does not exist/);
  });

  it('a notice drafted hidden is published when first shown: members who registered meanwhile count it unread', async () => {
    const { noticeid } = ok(await t.admin<{ noticeid: number }>('notice.add', { title: 'Draft', body: 'b', cur_status: 0 }));
    const publishedAt = async () => Number((await t.server.app.db('notices').where({ noticeid }).first()).published_at);
    expect(await publishedAt()).to.equal(0);
    t.server.clock.advance(60_000);
    const member = await createTestUser(t.server); // registers after the draft was written
    const unread = async () => ok(await t.app.call<{ count: number }>('notice.unread.count', {}, { token: member.token })).count;
    const before = await unread();
    t.server.clock.advance(60_000);
    ok(await t.admin('notice.edit', { noticeid, cur_status: 1 }));
    expect(await unread()).to.equal(before + 1);
    const first = await publishedAt();
    expect(first).to.equal(Math.floor(t.server.clock.now() / 1000));
    // hidden and shown again, it keeps its first publication
    ok(await t.admin('notice.edit', { noticeid, cur_status: 0 }));
    t.server.clock.advance(60_000);
    ok(await t.admin('notice.edit', { noticeid, cur_status: 1 }));
    expect(await publishedAt()).to.equal(first);
  });

  it('a dialog notice needs an end time, stored as unix seconds and listed formatted', async () => {
    refused(await t.admin('notice.add', { title: 'Dialog', body: 'b', is_dialog: 1 }), /dialog_end_time/);
    const { noticeid } = ok(await t.admin<{ noticeid: number }>('notice.add', { title: 'Dialog', body: 'b', is_dialog: 1, dialog_end_time: '2099-01-01 08:00:00', platforms: [2] }));
    expect(await t.server.app.db('notices').where({ noticeid }).first()).to.include({ dialog_end_time: 4070908800, terminal: 1 });
    const page = ok(await t.adminClient.call<{ list: Array<Record<string, unknown>> }>('notice.list', { is_dialog: 1 }));
    expect(page.list).to.have.length(1);
    expect(page.list[0]).to.include({ noticeid, dialog_end_time: '2099-01-01 08:00:00' });
    expect(page.list[0].platforms).to.deep.equal([2]);
    refused(await t.admin('notice.edit', { noticeid, cur_status: 2 }), /cur_status/);
  });
});
