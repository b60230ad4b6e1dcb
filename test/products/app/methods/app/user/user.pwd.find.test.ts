import { expect } from 'chai';
import { createMember, LOOSE_LIMITS, sendCode, startAccountServer, wrongCode, type Auth } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { uniqueMobile } from '../../../../../helpers/users';

describe('user.pwd.find', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => ({ server, client } = await startAccountServer(LOOSE_LIMITS, { platform: 2 })));
  after(() => server.stop());

  const login = (mobile: string, password: string) => client.call<Auth>('user.login', { mobile, login_type: 2, password });

  it('sets a new password with the code; every older session answers 606', async () => {
    const member = await createMember(server, { platform: 2 });
    const code = await sendCode(server, client, member.mobile, 'USER_PWD_FIND_CODE');
    const answer = await client.call('user.pwd.find', { mobile: member.mobile, code, password: 'found-it_9' });
    expect(answer).to.deep.equal({ code: 200, msg: '密码找回成功' });
    expect((await client.call('user.detail', {}, { token: member.token })).code).to.equal(606);
    expect((await login(member.mobile, member.password)).code).to.equal(503);
    const fresh = await login(member.mobile, 'found-it_9');
    expect(fresh.code).to.equal(200);
    expect((await client.call('user.detail', {}, { token: fresh.data!.token })).code).to.equal(200);
    // the code was consumed
    expect((await client.call('user.pwd.find', { mobile: member.mobile, code, password: 'again-it_9' })).code).to.equal(503);
  });

  it('605 for an unknown mobile; 700 for a wrong code; 503 for none sent', async () => {
    expect((await client.call('user.pwd.find', { mobile: uniqueMobile(), code: '123456', password: 'found-it_9' })).code).to.equal(605);
    const member = await createMember(server);
    expect((await client.call('user.pwd.find', { mobile: member.mobile, code: '123456', password: 'found-it_9' })).code).to.equal(503);
    const code = await sendCode(server, client, member.mobile, 'USER_PWD_FIND_CODE');
    expect((await client.call('user.pwd.find', { mobile: member.mobile, code: wrongCode(code), password: 'found-it_9' })).code).to.equal(700);
    expect((await login(member.mobile, member.password)).code, 'password unchanged').to.equal(200);
  });

  it('works during a lockout and lifts it', async () => {
    const member = await createMember(server);
    for (let i = 1; i <= 5; i++) await login(member.mobile, `wrong-${i}x`);
    expect((await login(member.mobile, member.password)).code).to.equal(607);
    const code = await sendCode(server, client, member.mobile, 'USER_PWD_FIND_CODE');
    expect((await client.call('user.pwd.find', { mobile: member.mobile, code, password: 'found-it_9' })).code).to.equal(200);
    expect((await login(member.mobile, 'found-it_9')).code).to.equal(200);
  });
});

describe('user.pwd.find: failures count towards the IP ban', () => {
  let server: TestServer;
  let client: TestClient;
  before(async () => ({ server, client } = await startAccountServer({ abuse: { failureThreshold: 2 } })));
  after(() => server.stop());

  it('unknown mobiles from one IP end in 510', async () => {
    const attempt = () => client.call('user.pwd.find', { mobile: uniqueMobile(), code: '123456', password: 'found-it_9' });
    expect((await attempt()).code).to.equal(605);
    expect((await attempt()).code).to.equal(605);
    expect((await attempt()).code).to.equal(510);
  });
});
