import { expect } from 'chai';
import { createTestUser, type TestUser } from '../../../../../helpers/users';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';

describe('user.nickname.edit', () => {
  let server: TestServer;
  let client: TestClient;
  let user: TestUser;

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
    user = await createTestUser(server);
  });
  after(() => server.stop());

  const edit = (nickname: unknown) => client.call<{ nickname: string }>('user.nickname.edit', { nickname }, { token: user.token });
  const stored = async () => (await server.app.db('users').where({ id: user.id }).first()).nickname;

  for (const [given, saved] of [
    ['  小明  ', '小明'],
    ['Tom', 'Tom'],
    ['🐱🐶', '🐱🐶'],
    ['家👨‍👩‍👧人', '家👨‍👩‍👧人'],
    ['二十个字符'.repeat(4), '二十个字符'.repeat(4)],
  ]) {
    it(`stores ${JSON.stringify(given)} as ${JSON.stringify(saved)} and answers it`, async () => {
      const answer = await edit(given);
      expect(answer).to.deep.equal({ code: 200, msg: 'success', data: { nickname: saved } });
      expect(await stored()).to.equal(saved);
      const detail = await client.call<{ nickname: string }>('user.detail', {}, { token: user.token });
      expect(detail.data!.nickname).to.equal(saved);
    });
  }

  for (const bad of ['a', '   b  ', '', 'x'.repeat(21), '🐱'.repeat(21), 'ab\ncd', 'tab\there', 'nul\u0000x', 'line\u2028sep', 123]) {
    it(`refuses ${JSON.stringify(bad)} with 503 naming the field`, async () => {
      const before = await stored();
      const answer = await edit(bad);
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('nickname');
      expect(await stored()).to.equal(before);
    });
  }

  it('nicknames are not unique', async () => {
    const other = await createTestUser(server);
    await edit('同名');
    const answer = await client.call('user.nickname.edit', { nickname: '同名' }, { token: other.token });
    expect(answer.code).to.equal(200);
  });

  it('602 without a session', async () => {
    expect((await client.call('user.nickname.edit', { nickname: 'abc' })).code).to.equal(602);
  });
});
