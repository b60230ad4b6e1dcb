import { expect } from 'chai';
import { addAddress, startAccountServer } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { createTestUser } from '../../../../../helpers/users';

describe('user.address.default.set', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => ({ server, client } = await startAccountServer()));
  after(() => server.stop());

  const defaults = async (userId: number) =>
    (await server.app.db('user_addresses').where({ user_id: userId, is_default: 1 })).map((r) => r.addressid);

  it('moves the default; the list then starts with it', async () => {
    const user = await createTestUser(server);
    const a = await addAddress(client, user.token);
    const b = await addAddress(client, user.token);
    expect(await client.call('user.address.default.set', { addressid: b }, { token: user.token })).to.deep.equal({ code: 200, msg: 'success' });
    expect(await defaults(user.id)).to.deep.equal([b]);
    const list = await client.call<{ list: Array<{ addressid: number }> }>('user.address.list', {}, { token: user.token });
    expect(list.data!.list.map((x) => x.addressid)).to.deep.equal([b, a]);
    // idempotent
    expect((await client.call('user.address.default.set', { addressid: b }, { token: user.token })).code).to.equal(200);
    expect(await defaults(user.id)).to.deep.equal([b]);
  });

  it('parallel moves leave exactly one default', async () => {
    const user = await createTestUser(server);
    const ids = [await addAddress(client, user.token), await addAddress(client, user.token), await addAddress(client, user.token)];
    await Promise.all(ids.map((addressid) => client.call('user.address.default.set', { addressid }, { token: user.token })));
    expect(await defaults(user.id)).to.have.length(1);
  });

  it('503 address not found for another member\'s or a deleted address; their default stays', async () => {
    const user = await createTestUser(server);
    const other = await createTestUser(server);
    const theirs = await addAddress(client, other.token);
    const mine = await addAddress(client, user.token);
    const deleted = await addAddress(client, user.token);
    await client.call('user.address.delete', { addressid: deleted }, { token: user.token });
    for (const addressid of [theirs, deleted]) {
      expect(await client.call('user.address.default.set', { addressid }, { token: user.token })).to.deep.equal({ code: 503, msg: '收货地址不存在' });
    }
    expect(await defaults(user.id)).to.deep.equal([mine]);
    expect(await defaults(other.id)).to.deep.equal([theirs]);
  });
});
