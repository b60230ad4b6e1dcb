import { expect } from 'chai';
import { createMember, LOOSE_LIMITS, startAccountServer, type Auth } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';

describe('user.pwd.edit', () => {
  let server: TestServer;
  let phone: TestClient;
  let web: TestClient;

  before(async () => {
    ({ server, client: phone } = await startAccountServer(LOOSE_LIMITS, { platform: 1 }));
    web = await server.client('app', { platform: 3 });
  });
  after(() => server.stop());

  const login = async (client: TestClient, mobile: string, password: string) =>
    client.call<Auth>('user.login', { mobile, login_type: 2, password });
  const edit = (token: string, old_pwd: string, new_pwd: string) => phone.call('user.pwd.edit', { old_pwd, new_pwd }, { token });

  it('changes the password; the caller stays logged in, every other session answers 606', async () => {
    const member = await createMember(server);
    const mine = (await login(phone, member.mobile, member.password)).data!.token;
    const other = (await login(web, member.mobile, member.password)).data!.token;
    const before = await server.app.db('users').where({ id: member.id }).first();

    const answer = await edit(mine, member.password, 'brand-new_1');
    expect(answer).to.deep.equal({ code: 200, msg: '密码修改成功' });
    expect((await phone.call('user.detail', {}, { token: mine })).code).to.equal(200);
    expect((await web.call('user.detail', {}, { token: other })).code).to.equal(606);
    expect((await phone.call('user.detail', {}, { token: mine })).code, 'still, on a later call').to.equal(200);

    const after = await server.app.db('users').where({ id: member.id }).first();
    expect(after.password_hash).not.to.equal(before.password_hash);
    expect(Number(after.pwd_changed_at)).to.be.greaterThan(Number(before.pwd_changed_at));
    expect((await login(web, member.mobile, member.password)).code).to.equal(503);
    expect((await login(web, member.mobile, 'brand-new_1')).code).to.equal(200);
  });

  it('503 for a wrong old password, and for a new one equal to the old', async () => {
    const member = await createMember(server);
    const wrong = await edit(member.token, 'not-the-one', 'brand-new_1');
    expect(wrong.code).to.equal(503);
    const same = await edit(member.token, member.password, member.password);
    expect(same.code).to.equal(503);
    expect(same.msg).to.contain('相同');
  });

  it('503 naming new_pwd when it breaks the password rule', async () => {
    const member = await createMember(server);
    const answer = await edit(member.token, member.password, 'bad pwd');
    expect(answer.code).to.equal(503);
    expect(answer.msg).to.contain('new_pwd');
  });

  it('wrong old passwords count towards the lockout: the 5th answers 607, and so does the right one then', async () => {
    const member = await createMember(server);
    for (let i = 1; i < 5; i++) expect((await edit(member.token, `wrong-${i}x`, 'brand-new_1')).code).to.equal(503);
    expect((await edit(member.token, 'wrong-5x', 'brand-new_1')).code).to.equal(607);
    expect((await edit(member.token, member.password, 'brand-new_1')).code).to.equal(607);
  });

  it('602 without a session', async () => {
    expect((await phone.call('user.pwd.edit', { old_pwd: 'abcdef', new_pwd: 'abcdefg' })).code).to.equal(602);
  });
});
