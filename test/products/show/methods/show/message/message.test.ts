import { expect } from 'chai';
import { MESSAGES_PER_MINUTE } from '../../../../../../app/products/show/services/messages';
import { expectPaged, ok, refused, useShowServer, type ShowUser } from '../../../helpers';

const MESSAGE_KEYS = ['message_id', 'from_uid', 'to_uid', 'content', 'created_at'];

describe('show private messages', () => {
  const show = useShowServer();
  const UNKNOWN = 'f'.repeat(32);

  async function send(from: ShowUser, to: ShowUser, content: string): Promise<string> {
    const data = await show.as<{ message_id: string }>(from, 'send.message', { to_uid: to.uid, content });
    expect(data).to.have.all.keys('message_id');
    expect(data.message_id).to.be.a('string').and.match(/^\d+$/);
    return data.message_id;
  }

  type Entry = { message_id: string; from_uid: string; to_uid: string; content: string; created_at: number };
  const conversation = async (me: ShowUser, other: ShowUser, page: Record<string, unknown> = {}) =>
    show.as<Record<string, unknown>>(me, 'my.message', { to_uid: other.uid, ...page });
  const flags = (id: string) => show.server.app.db('show_messages').where({ id: Number(id) }).first('deleted_by_sender', 'deleted_by_receiver');

  it('send.message stores the message; my.message shows the conversation both ways, newest first', async () => {
    const [me, friend, stranger] = [await show.person(), await show.person(), await show.person()];
    const first = await send(me, friend, '  你好  ');
    show.server.clock.advance(2000);
    const second = await send(friend, me, '好久不见');
    await send(stranger, me, 'not in this conversation');
    expect(await show.server.app.db('show_messages').where({ id: Number(first) }).first('from_user_id', 'to_user_id', 'content')).to.deep.equal({
      from_user_id: me.id,
      to_user_id: friend.id,
      content: '你好',
    });
    const list = expectPaged(await conversation(me, friend), 'my_message', 2, false) as Entry[];
    for (const entry of list) expect(entry).to.have.all.keys(...MESSAGE_KEYS);
    expect(list.map((m) => m.message_id)).to.deep.equal([second, first]);
    expect(list[0]).to.deep.include({ from_uid: friend.uid, to_uid: me.uid, content: '好久不见' });
    expect(list[1]).to.deep.include({ from_uid: me.uid, to_uid: friend.uid, content: '你好' });
    expect(list[1].created_at).to.equal(list[0].created_at - 2);
    expect(list[0].created_at).to.be.a('number').and.equal(Math.floor(show.server.clock.now() / 1000));
    expect((expectPaged(await conversation(friend, me), 'my_message', 2, false) as Entry[]).map((m) => m.message_id)).to.deep.equal([second, first]);
  });

  it('send.message refuses yourself, an unknown user, a blocking receiver, and bad content; my.message an unknown user', async () => {
    const [me, blocker] = [await show.person(), await show.person()];
    refused(await show.raw(me, 'send.message', { to_uid: me.uid, content: 'hi' }), /cannot message yourself/);
    refused(await show.raw(me, 'send.message', { to_uid: UNKNOWN, content: 'hi' }), /user not found/);
    refused(await show.raw(me, 'my.message', { to_uid: UNKNOWN }), /user not found/);
    await show.as(blocker, 'sns.block', { to_uid: me.uid });
    refused(await show.raw(me, 'send.message', { to_uid: blocker.uid, content: 'hi' }), /blocked by this user/);
    // Decision 14 refuses the blocked, not the blocker.
    await send(blocker, me, 'I block you, but I may still write');
    for (const content of ['', '   ', 'x'.repeat(1001), 5, undefined]) {
      expect((await show.raw(me, 'send.message', { to_uid: blocker.uid, content })).code, String(content)).to.equal(503);
    }
    ok(await show.raw(blocker, 'send.message', { to_uid: me.uid, content: 'x'.repeat(1000) }));
    expect(await show.server.app.db('show_messages').where({ from_user_id: me.id }).count({ n: '*' }).first()).to.satisfy((r: { n: unknown }) => Number(r.n) === 0);
    for (const method of ['send.message', 'my.message', 'message.del']) expect((await show.client.call(method, {})).code, method).to.equal(602);
  });

  it('my.message pages: limit, offset, total, isnext', async () => {
    const [me, friend] = [await show.person(), await show.person()];
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await send(i % 2 ? friend : me, i % 2 ? me : friend, `m${i}`));
    const newest = ids.reverse();
    expect((expectPaged(await conversation(me, friend, { limit: 2 }), 'my_message', 5, true) as Entry[]).map((m) => m.message_id)).to.deep.equal(newest.slice(0, 2));
    expect((expectPaged(await conversation(me, friend, { limit: 2, offset: 4 }), 'my_message', 5, false) as Entry[]).map((m) => m.message_id)).to.deep.equal(newest.slice(4));
    for (const limit of [0, 101]) expect((await show.raw(me, 'my.message', { to_uid: friend.uid, limit })).code).to.equal(503);
    expect((await show.raw(me, 'my.message', {})).code).to.equal(503);
  });

  it('message.del hides for the caller only, all or nothing; not found or not yours is 503', async () => {
    const [me, friend, other] = [await show.person(), await show.person(), await show.person()];
    const mine = await send(me, friend, 'from me');
    const theirs = await send(friend, me, 'from friend');
    const kept = await send(me, friend, 'kept');
    const foreign = await send(friend, other, 'not mine');

    refused(await show.raw(me, 'message.del', { message_id_list: [mine, foreign] }), /message not found or not yours/);
    refused(await show.raw(me, 'message.del', { message_id_list: [mine, '999999'] }), /message not found or not yours/);
    expect(await flags(mine), 'nothing changed').to.deep.equal({ deleted_by_sender: 0, deleted_by_receiver: 0 });

    expect(await show.as(me, 'message.del', { message_id_list: [mine, Number(theirs)] })).to.deep.equal({});
    expect(await flags(mine)).to.deep.equal({ deleted_by_sender: 1, deleted_by_receiver: 0 });
    expect(await flags(theirs)).to.deep.equal({ deleted_by_sender: 0, deleted_by_receiver: 1 });
    expect((expectPaged(await conversation(me, friend), 'my_message', 1, false) as Entry[]).map((m) => m.message_id)).to.deep.equal([kept]);
    expect((expectPaged(await conversation(friend, me), 'my_message', 3, false) as Entry[]).map((m) => m.message_id)).to.deep.equal([kept, theirs, mine]);

    // Hidden already is gone for the caller: refused, and the rest of the list is untouched.
    refused(await show.raw(me, 'message.del', { message_id_list: [kept, mine] }), /message not found or not yours/);
    expect(await flags(kept)).to.deep.equal({ deleted_by_sender: 0, deleted_by_receiver: 0 });
    ok(await show.raw(friend, 'message.del', { message_id_list: [mine] }));
    expect(await flags(mine)).to.deep.equal({ deleted_by_sender: 1, deleted_by_receiver: 1 });

    for (const message_id_list of [[], [kept, kept], Array.from({ length: 101 }, (_, i) => String(i + 1)), ['x'], kept, ['0']]) {
      expect((await show.raw(me, 'message.del', { message_id_list })).code, JSON.stringify(message_id_list).slice(0, 40)).to.equal(503);
    }
    expect(await flags(kept)).to.deep.equal({ deleted_by_sender: 0, deleted_by_receiver: 0 });
  });

  it(`send.message allows ${MESSAGES_PER_MINUTE} a minute per sender`, async () => {
    const [me, friend] = [await show.person(), await show.person()];
    show.server.clock.advance(60_000 - (show.server.clock.now() % 60_000));
    for (let i = 0; i < MESSAGES_PER_MINUTE; i++) await send(me, friend, `n${i}`);
    refused(await show.raw(me, 'send.message', { to_uid: friend.uid, content: 'one more' }), /too many messages/);
    await send(friend, me, 'the other sender has its own count');
    show.server.clock.advance(60_000);
    await send(me, friend, 'next minute');
    expect(await show.server.app.db('show_messages').where({ from_user_id: me.id }).count({ n: '*' }).first()).to.satisfy((r: { n: unknown }) => Number(r.n) === MESSAGES_PER_MINUTE + 1);
  });
});
