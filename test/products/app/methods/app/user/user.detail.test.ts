import { expect } from 'chai';
import { statementsDuring } from '../../../../../helpers/queries';
import { createTestUser } from '../../../../../helpers/users';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';

describe('user.detail', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
  });
  after(() => server.stop());

  it('answers the profile with the seed field names', async () => {
    const registeredAt = 1_700_000_000; // 2023-11-15 06:13:20 in Shanghai
    const user = await createTestUser(server, { registeredAt, nickname: '阿花🌸' });
    await server.app.db('users').where({ id: user.id }).update({ headimg: 'http://x.test/files/a.png', intro: '心存高远' });
    const answer = await client.call('user.detail', {}, { token: user.token });
    expect(answer).to.deep.equal({
      code: 200,
      msg: '信息获取成功',
      data: {
        mobile: user.mobile,
        open_id: user.openId,
        nickname: '阿花🌸',
        headimg: 'http://x.test/files/a.png',
        intro: '心存高远',
        c_time: '2023-11-15 06:13:20',
      },
    });
  });

  it('602 without a token, 601 with an unknown one', async () => {
    expect((await client.call('user.detail')).code).to.equal(602);
    expect((await client.call('user.detail', {}, { token: 'a'.repeat(48) })).code).to.equal(601);
  });

  it('601 once the account is disabled: its sessions end, and login then says why', async () => {
    const user = await createTestUser(server);
    expect((await client.call('user.detail', {}, { token: user.token })).code).to.equal(200);
    // a write that does not say whose row it is: it still ends the account kept since the call above
    await server.app.db('users').where({ id: user.id }).update({ status: 0 });
    expect((await client.call('user.detail', {}, { token: user.token })).code).to.equal(601);
  });

  it('reads the account row once per call: the session check hands its row on to the method', async () => {
    const user = await createTestUser(server);
    const statements = await statementsDuring(server.app.db, async () => {
      expect((await client.call('user.detail', {}, { token: user.token })).code).to.equal(200);
    });
    expect(statements.filter((sql) => /from [`"]?users\b/i.test(sql))).to.have.length(1);
  });

  it('keeps the account in the KV store, without its password hash, until a write to it: a hit reads no row', async () => {
    const user = await createTestUser(server, { nickname: 'kept' });
    const usersRead = async () =>
      (await statementsDuring(server.app.db, async () => expect((await client.call('user.detail', {}, { token: user.token })).code).to.equal(200))).filter((sql) =>
        /from [`"]?users\b/i.test(sql),
      ).length;
    expect(await usersRead()).to.equal(1);
    expect(await usersRead()).to.equal(0);
    const kept = await server.app.kv.get(`cache2:own:account:${user.id}`);
    expect(kept).to.contain('"nickname":"kept"');
    expect(kept).not.to.contain('password');
    const other = await createTestUser(server);
    expect((await client.call('user.nickname.edit', { nickname: 'other' }, { token: other.token })).code).to.equal(200);
    expect(await usersRead()).to.equal(0);
    expect((await client.call('user.nickname.edit', { nickname: 'changed' }, { token: user.token })).code).to.equal(200);
    const answer = await client.call<{ nickname: string }>('user.detail', {}, { token: user.token });
    expect(answer.data!.nickname).to.equal('changed');
  });

  it('a second look in the same call reads the row again (a method that changed the account sees the change)', async () => {
    const user = await createTestUser(server, { nickname: 'before' });
    await client.call('user.nickname.edit', { nickname: 'after' }, { token: user.token });
    const answer = await client.call('user.detail', {}, { token: user.token });
    expect((answer.data as { nickname: string }).nickname).to.equal('after');
  });
});
