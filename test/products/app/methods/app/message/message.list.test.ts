import { expect } from 'chai';
import { unixSeconds } from '../../../../../../app/core/clock';
import { BROADCAST } from '../../../../../../app/products/app/services/content/messages';
import { insertId } from '../../../../../../app/storage/db';
import { seedContent } from '../../../../../../app/products/app/demo/020_content';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectShape } from '../../../../../helpers/shape';
import { createTestUser, type TestUser } from '../../../../../helpers/users';

/** The seed's example answer (2.20). */
const EXAMPLE = {
  list: [{ msgid: 2, msg_type: 1, type_ref_id: 0, is_read: 0, title: 't', content: 'c', url: 'u', c_time: '2019-04-18 15:12:04' }],
  total: 2,
  page: 1,
  count: 20,
  isnext: false,
};
type Messages = typeof EXAMPLE;

describe('message.list', () => {
  let server: TestServer;
  let client: TestClient;
  let user: TestUser;
  let now: number;
  const message = (user_id: number, c_time: number, extra: Record<string, unknown> = {}) =>
    insertId(server.app.db('messages').insert({ user_id, msg_type: 1, title: 't', content: 'c', url: 'u', status: 1, c_time, u_time: c_time, ...extra }));

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
    now = unixSeconds(server.clock);
    user = await createTestUser(server, { registeredAt: now - 100 });
  });
  after(() => server.stop());

  it('lists own messages and broadcasts sent since registration, newest first, with read state', async () => {
    const other = await createTestUser(server);
    await message(BROADCAST, now - 200); // before the user registered
    const own = await message(user.id, now - 50, { msg_type: 2, type_ref_id: 7 });
    await message(other.id, now - 40);
    await message(user.id, now - 30, { status: 2 });
    const broadcast = await message(BROADCAST, now - 20);
    await server.app.db('message_reads').insert({ user_id: other.id, msgid: broadcast, c_time: now }); // another reader
    await server.app.db('message_reads').insert({ user_id: user.id, msgid: own, c_time: now });
    const answer = await client.call<Messages>('message.list', {}, { token: user.token });
    expect(answer.code).to.equal(200);
    expectShape(answer.data, EXAMPLE);
    expect(answer.data).to.deep.include({ total: 2, page: 1, count: 20, isnext: false });
    expect(answer.data!.list.map((m) => [m.msgid, m.is_read])).to.deep.equal([[broadcast, 0], [own, 1]]);
    expect(answer.data!.list[1]).to.include({ msg_type: 2, type_ref_id: 7 });
  });

  it('needs a user', async () => {
    expect((await client.call('message.list')).code).to.equal(602);
    expect((await client.call('message.list', {}, { token: 'dead' })).code).to.equal(601);
  });

  it('shows the demo user its seeded messages, one read, plus the broadcast', async () => {
    const demo = await createTestUser(server, { mobile: '13800138000' });
    const seeded = await seedContent(server.app);
    const answer = await client.call<Messages>('message.list', {}, { token: demo.token });
    expect(answer.data!.list.map((m) => m.msgid)).to.include.members([...seeded.messages!.toUser, seeded.messages!.broadcast]);
    expect(answer.data!.list.filter((m) => m.is_read === 1).map((m) => m.msgid)).to.deep.equal([seeded.messages!.read]);
  });
});
