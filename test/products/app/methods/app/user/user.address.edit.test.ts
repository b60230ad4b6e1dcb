import { expect } from 'chai';
import { DISTRICT } from '../../../../../../app/products/app/demo/011_accounts';
import { addAddress, startAccountServer } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { createTestUser } from '../../../../../helpers/users';

describe('user.address.edit', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => ({ server, client } = await startAccountServer()));
  after(() => server.stop());

  const row = (addressid: number) => server.app.db('user_addresses').where({ addressid }).first();

  it('changes only the given fields', async () => {
    const user = await createTestUser(server);
    const id = await addAddress(client, user.token);
    const answer = await client.call('user.address.edit', { addressid: id, address: '新地址9号', district_id: DISTRICT.JIANWAI }, { token: user.token });
    expect(answer).to.deep.equal({ code: 200, msg: 'success' });
    expect(await row(id)).to.include({ realname: '张三', mobile: '13912345678', address: '新地址9号', districtid: DISTRICT.JIANWAI, is_default: 1 });
    await client.call('user.address.edit', { addressid: id, realname: '李四四', mobile: '13600000000' }, { token: user.token });
    expect(await row(id)).to.include({ realname: '李四四', mobile: '13600000000', address: '新地址9号' });
  });

  it('is_default 1 moves the default here; 0 never leaves the member without one', async () => {
    const user = await createTestUser(server);
    const first = await addAddress(client, user.token);
    const second = await addAddress(client, user.token);
    await client.call('user.address.edit', { addressid: second, is_default: 1 }, { token: user.token });
    expect([(await row(first)).is_default, (await row(second)).is_default]).to.deep.equal([0, 1]);
    await client.call('user.address.edit', { addressid: second, is_default: 0 }, { token: user.token });
    expect([(await row(first)).is_default, (await row(second)).is_default]).to.deep.equal([0, 1]);
  });

  it('503 when no field is given, or a field breaks its rule, or the district is not addressable', async () => {
    const user = await createTestUser(server);
    const id = await addAddress(client, user.token);
    expect((await client.call('user.address.edit', { addressid: id }, { token: user.token })).code).to.equal(503);
    const bad = await client.call('user.address.edit', { addressid: id, realname: 'x' }, { token: user.token });
    expect(bad.code).to.equal(503);
    expect(bad.msg).to.contain('realname');
    expect((await client.call('user.address.edit', { addressid: id, district_id: DISTRICT.SHENZHEN }, { token: user.token })).code).to.equal(503);
    expect(await row(id)).to.include({ realname: '张三', districtid: DISTRICT.YUEHAI });
  });

  it('503 address not found for another member\'s, a deleted or an unknown address', async () => {
    const user = await createTestUser(server);
    const other = await createTestUser(server);
    const theirs = await addAddress(client, other.token);
    const deleted = await addAddress(client, user.token);
    await client.call('user.address.delete', { addressid: deleted }, { token: user.token });
    for (const addressid of [theirs, deleted, 99_999_999]) {
      const answer = await client.call('user.address.edit', { addressid, address: '偷改' }, { token: user.token });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.equal('收货地址不存在');
    }
    expect((await row(theirs)).address).to.equal('科技园南区1号');
  });
});
