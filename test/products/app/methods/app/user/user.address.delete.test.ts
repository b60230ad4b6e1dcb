import { expect } from 'chai';
import { addAddress, startAccountServer } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { createTestUser } from '../../../../../helpers/users';

describe('user.address.delete', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => ({ server, client } = await startAccountServer()));
  after(() => server.stop());

  const live = (userId: number) => server.app.db('user_addresses').where({ user_id: userId, status: 1 }).orderBy('addressid');

  it('deletes softly; deleting the default promotes the newest remaining address', async () => {
    const user = await createTestUser(server);
    const [a, b, c] = [await addAddress(client, user.token), await addAddress(client, user.token), await addAddress(client, user.token)];
    expect(await client.call('user.address.delete', { addressid: b }, { token: user.token })).to.deep.equal({ code: 200, msg: 'success' });
    expect(await server.app.db('user_addresses').where({ addressid: b }).first()).to.include({ status: 2 });
    expect((await live(user.id)).map((r) => [r.addressid, r.is_default])).to.deep.equal([[a, 1], [c, 0]]);
    await client.call('user.address.delete', { addressid: a }, { token: user.token });
    expect((await live(user.id)).map((r) => [r.addressid, r.is_default])).to.deep.equal([[c, 1]]);
    await client.call('user.address.delete', { addressid: c }, { token: user.token });
    expect(await live(user.id)).to.have.length(0);
  });

  it('503 address not found for another member\'s or an already deleted address', async () => {
    const user = await createTestUser(server);
    const other = await createTestUser(server);
    const theirs = await addAddress(client, other.token);
    const mine = await addAddress(client, user.token);
    await client.call('user.address.delete', { addressid: mine }, { token: user.token });
    for (const addressid of [theirs, mine]) {
      const answer = await client.call('user.address.delete', { addressid }, { token: user.token });
      expect(answer).to.deep.equal({ code: 503, msg: '收货地址不存在' });
    }
    expect(await live(other.id)).to.have.length(1);
  });

  it('503 naming addressid when it is missing or not an id', async () => {
    const user = await createTestUser(server);
    for (const params of [{}, { addressid: 'x' }, { addressid: 0 }]) {
      const answer = await client.call('user.address.delete', params, { token: user.token });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('addressid');
    }
  });
});
