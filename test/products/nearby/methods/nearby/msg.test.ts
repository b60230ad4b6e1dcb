import { expect } from 'chai';
import type { Msg } from '../../../../../app/products/nearby/services/messages';
import { ADMIN_ID, ok, refused, useNearbyServer, type Resident } from '../../helpers';

interface Listed {
  num: number;
  list: Msg[];
}
interface Private {
  records_num: number;
  unit_num: number;
  list: Array<{ people: string; num: number; records: Array<Msg & { source: 0 | 1 }> }>;
}
interface HasNew {
  sys: number;
  private: number;
  private_detail: Record<string, number>;
}

describe('nearby msg.*', () => {
  const f = useNearbyServer();
  let me: Resident;
  let anna: Resident;
  let ben: Resident;

  const sysSend = async (params: Record<string, unknown>) =>
    ok<{ msg_id: number }>(await f.admin.call('nearby.msg.sys.send', { admin_id: ADMIN_ID, content: 'c', ...params })).msg_id;
  const send = async (from: Resident, to: Resident, content: string, title = '') => {
    f.server.clock.advance(1000);
    return (await f.as<{ msg_id: number }>(from, 'msg.send', { receiver: to.username, title, content })).msg_id;
  };

  before(async () => {
    me = await f.resident({ nickname: '我' });
    anna = await f.resident({ nickname: '安娜' });
    ben = await f.resident({ nickname: '本' });
  });

  it('msg.send stores a private message and answers its id; unknown receiver, self and bad input refused', async () => {
    const id = await send(anna, me, '你好', '问候');
    const row = await f.server.app.db('nearby_messages').where({ id }).first();
    expect(row).to.include({ sender_id: anna.id, receiver_id: me.id, type: 'private', subtype: 'default', title: '问候', content: '你好', extra: '' });
    refused(await f.client.call('msg.send', { receiver: 'nobody_x', content: 'x' }, { token: anna.token }), /receiver not found/);
    refused(await f.client.call('msg.send', { receiver: anna.username, content: 'x' }, { token: anna.token }), /cannot message yourself/);
    refused(await f.client.call('msg.send', { receiver: me.username, content: '' }, { token: anna.token }), /content/);
    refused(await f.client.call('msg.send', { receiver: me.username, content: 'x', title: 't'.repeat(101) }, { token: anna.token }), /title/);
  });

  it('broadcasts reach users registered before them, not after; direct system messages reach their receiver only', async () => {
    f.server.clock.advance(1000);
    const broadcast = await sysSend({ title: '停水通知', type: 'notice', subtype: 'water' });
    const direct = await sysSend({ title: '快递到了', receiver: me.username, extra: '{"box":12}' });
    f.server.clock.advance(1000);
    const late = await f.resident();
    const sysOf = async (who: Resident) => (await f.as<Listed>(who, 'msg.sys', { if_new: 2 })).list.map((m) => m.msg_id);
    expect(await sysOf(me)).to.deep.equal([direct, broadcast]);
    expect(await sysOf(anna)).to.deep.equal([broadcast]);
    expect(await sysOf(late)).to.deep.equal([]);
    const listed = await f.as<Listed>(me, 'msg.sys', {});
    expect(listed.num).to.equal(2);
    expect(listed.list[0]).to.deep.equal({
      msg_id: direct,
      type: 'system',
      subtype: 'default',
      title: '快递到了',
      content: 'c',
      add_time: listed.list[0].add_time,
      status: false,
      extra: '{"box":12}',
    });
    refused(await f.admin.call('nearby.msg.sys.send', { admin_id: ADMIN_ID, content: 'x', receiver: 'ghost_user' }), /receiver not found/);
  });

  it('read state: msg.sign marks one (idempotent, only what reached you); has_new counts what is left', async () => {
    const before = await f.as<HasNew>(me, 'msg.has_new');
    expect(before).to.have.all.keys('sys', 'private', 'private_detail');
    expect(before.sys).to.equal(2);
    expect(before.private_detail[anna.username]).to.equal(1);

    const [direct] = (await f.as<Listed>(me, 'msg.sys', { if_new: 0 })).list.map((m) => m.msg_id);
    expect(await f.as(me, 'msg.sign', { msg_id: direct })).to.deep.equal({});
    expect(await f.as(me, 'msg.sign', { msg_id: direct })).to.deep.equal({});
    expect(await f.server.app.db('nearby_message_reads').where({ message_id: direct, user_id: me.id }).count({ n: '*' })).to.deep.equal([{ n: 1 }]);
    refused(await f.client.call('msg.sign', { msg_id: direct }, { token: anna.token }), /not addressed to you/);
    refused(await f.client.call('msg.sign', { msg_id: 99_999_999 }, { token: me.token }), /message not found/);

    expect((await f.as<HasNew>(me, 'msg.has_new')).sys).to.equal(1);
    expect((await f.as<Listed>(me, 'msg.sys', { if_new: 1 })).list.map((m) => m.msg_id)).to.deep.equal([direct]);
    // Any other if_new value means 0 (seed).
    expect((await f.as<Listed>(me, 'msg.sys', { if_new: 7 })).list.map((m) => m.msg_id)).not.to.include(direct);
    // Anna has not read the broadcast just because I did.
    expect((await f.as<HasNew>(anna, 'msg.has_new')).sys).to.equal(1);
  });

  it('msg.private: filter first, then page, grouped by partner; unread leaves out my own sent messages', async () => {
    const a2 = await send(anna, me, 'a2');
    const mine = await send(me, anna, 'reply');
    const b1 = await send(ben, me, 'b1');
    const all = await f.as<Private>(me, 'msg.private', { if_new: 2 });
    expect(all.unit_num).to.equal(2);
    expect(all.list.map((g) => g.people)).to.deep.equal([ben.username, anna.username]);
    const annaRecords = all.list[1].records;
    expect(annaRecords.map((r) => [r.content, r.source])).to.deep.equal([['reply', 1], ['a2', 0], ['你好', 0]]);
    expect(all.records_num).to.equal(4);

    const unread = await f.as<Private>(me, 'msg.private', {});
    expect(unread.list.flatMap((g) => g.records.map((r) => r.msg_id)).sort()).to.deep.equal([a2, b1, annaRecords[2].msg_id].sort());
    expect(unread.list.flatMap((g) => g.records).every((r) => r.source === 0)).to.equal(true);

    const paged = await f.as<Private>(me, 'msg.private', { if_new: 2, start: 1, limit: 2 });
    expect(paged.records_num).to.equal(2);
    expect(paged.list.flatMap((g) => g.records.map((r) => r.msg_id))).to.deep.equal([mine, a2]);
    const withBen = await f.as<Private>(me, 'msg.private', { if_new: 2, people: ben.username });
    expect(withBen.list).to.have.length(1);
    // Bad start/limit fall back to defaults.
    expect((await f.as<Private>(me, 'msg.private', { if_new: 2, start: -5, limit: 'x' })).records_num).to.equal(4);
    refused(await f.client.call('msg.private', { people: 'ghost_user' }, { token: me.token }), /user not found/);

    // The sent message shows whether Anna read it.
    expect(annaRecords[0].status).to.equal(false);
    await f.as(anna, 'msg.sign', { msg_id: mine });
    const again = await f.as<Private>(me, 'msg.private', { if_new: 2, people: anna.username });
    expect(again.list[0].records[0]).to.include({ msg_id: mine, status: true, source: 1 });
  });

  it('msg.msg_list: one row per partner with the last message either way, latest first', async () => {
    const last = await send(me, ben, 'to ben');
    const data = await f.as<{ num: number; list: Array<Record<string, unknown>> }>(me, 'msg.msg_list');
    expect(data.num).to.equal(2);
    expect(data.list[0]).to.have.all.keys('username', 'nickname', 'msg_id', 'status', 'add_time', 'title', 'content', 'type', 'subtype', 'extra');
    expect(data.list.map((r) => r.username)).to.deep.equal([ben.username, anna.username]);
    expect(data.list[0]).to.include({ msg_id: last, nickname: '本', content: 'to ben', type: 'private' });
  });

  it('msg.filter by type and subtype among what I received', async () => {
    const water = (await f.as<Listed>(me, 'msg.filter', { type: 'notice', subtype: 'water', if_new: 2 })).list;
    expect(water.map((m) => m.title)).to.deep.equal(['停水通知']);
    expect((await f.as<Listed>(me, 'msg.filter', { type: 'notice', subtype: 'power', if_new: 2 })).num).to.equal(0);
    expect((await f.as<Listed>(me, 'msg.filter', { type: 'private', if_new: 2 })).list.every((m) => m.type === 'private')).to.equal(true);
    refused(await f.client.call('msg.filter', {}, { token: me.token }), /type/);
  });

  it('msg.sign_batch marks system and/or private messages (optionally from one person) read', async () => {
    await send(anna, me, 'more');
    await send(ben, me, 'more from ben');
    expect(await f.as(me, 'msg.sign_batch', { private: 1, people: ben.username })).to.deep.equal({});
    let counts = await f.as<HasNew>(me, 'msg.has_new');
    expect(counts.private_detail).not.to.have.property(ben.username);
    expect(counts.private_detail[anna.username]).to.be.greaterThan(0);
    await f.as(me, 'msg.sign_batch', { sys: 1, private: 1 });
    counts = await f.as<HasNew>(me, 'msg.has_new');
    expect(counts).to.deep.equal({ sys: 0, private: 0, private_detail: {} });
    refused(await f.client.call('msg.sign_batch', { private: 1, people: 'ghost_user' }, { token: me.token }), /user not found/);
    expect((await f.client.call('msg.has_new')).code).to.equal(602);
  });
});
