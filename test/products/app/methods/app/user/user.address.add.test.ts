import { expect } from 'chai';
import { DISTRICT } from '../../../../../../app/products/app/demo/011_accounts';
import { addAddress, addressParams, startAccountServer } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { createTestUser } from '../../../../../helpers/users';

describe('user.address.add', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    ({ server, client } = await startAccountServer());
    await server.app.db('districts').insert([
      { districtid: 999001, parentid: DISTRICT.SHENZHEN, name: '已撤销区', region_type: 3, status: 0 },
    ]);
  });
  after(() => server.stop());

  it('adds an address and answers {address_id} as an integer; the first one is the default', async () => {
    const user = await createTestUser(server);
    const answer = await client.call<{ address_id: number }>('user.address.add', addressParams({ realname: ' 王小二 ', address: ' 深南大道 ' }), { token: user.token });
    expect(answer.code).to.equal(200);
    expect(answer.data).to.have.all.keys('address_id');
    expect(answer.data!.address_id).to.be.a('number');
    const row = await server.app.db('user_addresses').where({ addressid: answer.data!.address_id }).first();
    expect(row).to.include({ user_id: user.id, realname: '王小二', mobile: '13912345678', districtid: DISTRICT.YUEHAI, address: '深南大道', is_default: 1, status: 1 });
    const second = await addAddress(client, user.token);
    expect(await server.app.db('user_addresses').where({ addressid: second }).first()).to.include({ is_default: 0 });
  });

  it('is_default 1 moves the default to the new address', async () => {
    const user = await createTestUser(server);
    const first = await addAddress(client, user.token);
    const second = await addAddress(client, user.token, { is_default: 1 });
    const rows = await server.app.db('user_addresses').where({ user_id: user.id }).orderBy('addressid');
    expect(rows.map((r) => [r.addressid, r.is_default])).to.deep.equal([[first, 0], [second, 1]]);
  });

  it('accepts a district-level address (no street)', async () => {
    const user = await createTestUser(server);
    expect(await addAddress(client, user.token, { district_id: DISTRICT.CHAOYANG })).to.be.a('number');
  });

  it('at most 5 live addresses; a deleted one frees a place', async () => {
    const user = await createTestUser(server);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await addAddress(client, user.token));
    const sixth = await client.call('user.address.add', addressParams(), { token: user.token });
    expect(sixth.code).to.equal(503);
    expect(sixth.msg).to.contain('5');
    expect((await client.call('user.address.delete', { addressid: ids[2] }, { token: user.token })).code).to.equal(200);
    expect(await addAddress(client, user.token)).to.be.a('number');
  });

  it('parallel adds cannot pass the limit', async () => {
    const user = await createTestUser(server);
    const answers = await Promise.all(Array.from({ length: 7 }, () => client.call('user.address.add', addressParams(), { token: user.token })));
    expect(answers.filter((a) => a.code === 200)).to.have.length(5);
    expect(await server.app.db('user_addresses').where({ user_id: user.id, status: 1 })).to.have.length(5);
    expect(await server.app.db('user_addresses').where({ user_id: user.id, is_default: 1 })).to.have.length(1);
  });

  it('50 new members adding their first address at once all succeed (no deadlock between neighbours)', async () => {
    const users = await Promise.all(Array.from({ length: 50 }, () => createTestUser(server)));
    const answers = await Promise.all(users.map((user) => client.call('user.address.add', addressParams(), { token: user.token })));
    expect(answers.map((a) => `${a.code} ${a.msg}`).filter((a) => !a.startsWith('200'))).to.deep.equal([]);
    const rows = await server.app.db('user_addresses').whereIn('user_id', users.map((u) => u.id));
    expect(rows.map((r) => r.is_default)).to.deep.equal(users.map(() => 1));
  });

  it('50 members moving their default to a new address at once all succeed, one default each', async () => {
    const users = await Promise.all(Array.from({ length: 50 }, () => createTestUser(server)));
    for (const user of users) await addAddress(client, user.token);
    const answers = await Promise.all(users.map((user) => client.call('user.address.add', addressParams({ is_default: 1 }), { token: user.token })));
    expect(answers.map((a) => `${a.code} ${a.msg}`).filter((a) => !a.startsWith('200'))).to.deep.equal([]);
    const rows = await server.app.db('user_addresses').whereIn('user_id', users.map((u) => u.id)).orderBy('addressid');
    expect(rows.filter((r) => r.is_default === 1).map((r) => r.user_id).sort()).to.deep.equal(users.map((u) => u.id).sort());
  });

  for (const [district_id, why] of [[123, 'unknown'], [999001, 'inactive'], [DISTRICT.GUANGDONG, 'a province'], [DISTRICT.SHENZHEN, 'a city']] as const) {
    it(`503 for a district that is ${why}`, async () => {
      const user = await createTestUser(server);
      const answer = await client.call('user.address.add', addressParams({ district_id }), { token: user.token });
      expect(answer.code).to.equal(503);
      expect(await server.app.db('user_addresses').where({ user_id: user.id })).to.have.length(0);
    });
  }

  for (const [field, value] of [
    ['realname', '张'],
    ['realname', '一二三四五六七八九十一'],
    ['mobile', '1234'],
    ['district_id', 'abc'],
    ['address', ''],
    ['address', 'x'.repeat(51)],
    ['is_default', 2],
  ] as const) {
    it(`503 naming ${field} for ${JSON.stringify(value)}`, async () => {
      const user = await createTestUser(server);
      const answer = await client.call('user.address.add', addressParams({ [field]: value }), { token: user.token });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain(field);
    });
  }

  it('602 without a session', async () => {
    expect((await client.call('user.address.add', addressParams())).code).to.equal(602);
  });
});
