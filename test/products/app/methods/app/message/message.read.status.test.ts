import { expect } from 'chai';
import { unixSeconds } from '../../../../../../app/core/clock';
import { BROADCAST } from '../../../../../../app/products/app/services/content/messages';
import { insertId } from '../../../../../../app/storage/db';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { createTestUser, type TestUser } from '../../../../../helpers/users';

describe('message.read.status', () => {
  let server: TestServer;
  let client: TestClient;
  let user: TestUser;
  const message = (user_id: number, extra: Record<string, unknown> = {}) => {
    const now = unixSeconds(server.clock);
    return insertId(server.app.db('messages').insert({ user_id, title: 't', content: 'c', status: 1, c_time: now, u_time: now, ...extra }));
  };
  const readBy = (userId: number) => server.app.db('message_reads').where({ user_id: userId }).pluck('msgid');
  const read = (msgid: unknown, token = user.token) => client.call('message.read.status', { msgid }, { token });

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
    user = await createTestUser(server);
  });
  after(() => server.stop());

  it('marks an own message and a broadcast read, answering the seed message; again changes nothing', async () => {
    const own = await message(user.id);
    const broadcast = await message(BROADCAST);
    expect(await read(own)).to.deep.equal({ code: 200, msg: '设置成功' });
    expect(await read(broadcast)).to.deep.equal({ code: 200, msg: '设置成功' });
    expect(await read(own)).to.deep.equal({ code: 200, msg: '设置成功' });
    expect((await readBy(user.id)).sort()).to.deep.equal([own, broadcast].sort());
    const list = await client.call<{ list: Array<{ is_read: number }> }>('message.list', {}, { token: user.token });
    expect(list.data!.list.map((m) => m.is_read)).to.deep.equal([1, 1]);
  });

  it("refuses someone else's, a deleted, an unknown message and an older broadcast with 503", async () => {
    const other = await createTestUser(server);
    const missing = { code: 503, msg: 'the message does not exist or has been deleted' };
    expect(await read(await message(other.id))).to.deep.equal(missing);
    expect(await read(await message(user.id, { status: 2 }))).to.deep.equal(missing);
    expect(await read(999999)).to.deep.equal(missing);
    expect(await read(await message(BROADCAST, { c_time: 1 }))).to.deep.equal(missing);
    expect((await read('x')).msg).to.contain('msgid');
    expect(await readBy(other.id)).to.deep.equal([]);
  });

  it('needs a user', async () => {
    expect((await client.call('message.read.status', { msgid: 1 })).code).to.equal(602);
  });
});
