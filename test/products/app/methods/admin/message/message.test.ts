import { expect } from 'chai';
import { expectPage, ok, refused, useAdminServer } from '../../../../../helpers/admin';
import { expectShape } from '../../../../../helpers/shape';
import { createTestUser, type TestUser } from '../../../../../helpers/users';

const SEED_MSG = { msgid: 1, msg_type: 1, type_ref_id: 0, is_read: 0, title: '', content: '', url: '', c_time: '' };

describe('admin message.send / message.list / message.delete', () => {
  const t = useAdminServer(8);
  let alice: TestUser;
  let bob: TestUser;

  before(async () => {
    const earlier = Math.floor(t.server.clock.now() / 1000) - 3600;
    alice = await createTestUser(t.server, { registeredAt: earlier });
    bob = await createTestUser(t.server, { registeredAt: earlier });
  });

  const inbox = async (user: TestUser) => ok(await t.app.call<{ list: Array<typeof SEED_MSG> }>('message.list', {}, { token: user.token })).list;

  it('sends to one user by open_id: only that user sees it', async () => {
    const { msgid } = ok(await t.admin<{ msgid: number }>('message.send', { open_id: alice.openId, msg_type: 2, type_ref_id: 7, title: 'Gift', content: 'You got points', url: 'https://h5.test/gift' }));
    expect(msgid).to.be.a('number');
    expect(await t.server.app.db('messages').where({ msgid }).first()).to.include({ user_id: alice.id, msg_type: 2, type_ref_id: 7, status: 1, c_by: 8 });

    const list = await inbox(alice);
    expect(list).to.have.length(1);
    expectShape(list[0], SEED_MSG, 'message');
    expect(list[0]).to.include({ msgid, msg_type: 2, type_ref_id: 7, is_read: 0, title: 'Gift', content: 'You got points', url: 'https://h5.test/gift' });
    expect(await inbox(bob)).to.deep.equal([]);
  });

  it('sends to all users registered before it with to_all: 1', async () => {
    const { msgid } = ok(await t.admin<{ msgid: number }>('message.send', { to_all: 1, title: 'Hello all', content: 'Welcome' }));
    expect(await t.server.app.db('messages').where({ msgid }).first()).to.include({ user_id: 0, msg_type: 1 });
    expect((await inbox(bob)).map((m) => m.msgid)).to.deep.equal([msgid]);
    expect((await inbox(alice)).map((m) => m.msgid)).to.include(msgid);

    const page = ok(await t.adminClient.call('message.list', { to_all: 1 }));
    expectPage(page, t.server.config.paging.pageSize);
    expect(page.list).to.have.length(1);
    expect(page.list[0]).to.include({ msgid, open_id: '', to_all: 1 });
    const forAlice = ok(await t.adminClient.call<{ list: Array<Record<string, unknown>> }>('message.list', { open_id: alice.openId }));
    expect(forAlice.list.map((m) => m.open_id)).to.deep.equal([alice.openId]);
  });

  it('message.delete withdraws a message from the inbox', async () => {
    const { msgid } = ok(await t.admin<{ msgid: number }>('message.send', { open_id: bob.openId, title: 'Oops', content: 'wrong one' }));
    expect((await inbox(bob)).map((m) => m.msgid)).to.include(msgid);
    ok(await t.admin('message.delete', { msgid }));
    expect((await inbox(bob)).map((m) => m.msgid)).not.to.include(msgid);
    refused(await t.admin('message.delete', { msgid }), /message does not exist/);
  });

  it('needs exactly one of open_id and to_all, and a known user', async () => {
    refused(await t.admin('message.send', { title: 't', content: 'c' }), /open_id or to_all/);
    refused(await t.admin('message.send', { open_id: alice.openId, to_all: 1, title: 't', content: 'c' }), /not both/);
    refused(await t.admin('message.send', { open_id: 'f'.repeat(32), title: 't', content: 'c' }), /user does not exist/);
    refused(await t.admin('message.send', { to_all: 1, title: 't', content: 'c'.repeat(256) }), /content/);
  });
});
