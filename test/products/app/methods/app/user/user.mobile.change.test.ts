import { expect } from 'chai';
import { createMember, LOOSE_LIMITS, sendCode, wrongCode, startAccountServer, type Auth } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { uniqueMobile } from '../../../../../helpers/users';

describe('user.mobile.change', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => ({ server, client } = await startAccountServer(LOOSE_LIMITS, { platform: 1 })));
  after(() => server.stop());

  const change = (token: string, params: Record<string, unknown>) => client.call('user.mobile.change', params, { token });

  it('moves the account to the new mobile; older sessions answer 606; login works with the new one', async () => {
    const member = await createMember(server);
    const mobile = uniqueMobile();
    const code = await sendCode(server, client, mobile, 'USER_MOBILE_CHANGE_CODE', member.token);
    const answer = await change(member.token, { mobile, code, password: member.password });
    expect(answer).to.deep.equal({ code: 200, msg: 'success' });
    expect(await server.app.db('users').where({ id: member.id }).first()).to.include({ mobile });
    expect((await client.call('user.detail', {}, { token: member.token })).code).to.equal(606);
    expect((await client.call('user.login', { mobile: member.mobile, login_type: 2, password: member.password })).code).to.equal(605);
    const fresh = await client.call<Auth>('user.login', { mobile, login_type: 2, password: member.password });
    expect(fresh.code).to.equal(200);
    expect(fresh.data!.open_id).to.equal(member.openId);
  });

  it('503 when the mobile is unchanged or used by another account', async () => {
    const member = await createMember(server);
    const other = await createMember(server);
    const same = await change(member.token, { mobile: member.mobile, code: '123456', password: member.password });
    expect(same.code).to.equal(503);
    const taken = await change(member.token, { mobile: other.mobile, code: '123456', password: member.password });
    expect(taken.code).to.equal(503);
    expect(taken.msg).to.contain('占用');
  });

  it('503 for a wrong password (counting towards 607), 700 for a wrong code; nothing changes', async () => {
    const member = await createMember(server);
    const mobile = uniqueMobile();
    const code = await sendCode(server, client, mobile, 'USER_MOBILE_CHANGE_CODE', member.token);
    expect((await change(member.token, { mobile, code: wrongCode(code), password: member.password })).code).to.equal(700);
    expect((await change(member.token, { mobile, code, password: 'not-it-1' })).code).to.equal(503);
    expect(await server.app.db('users').where({ id: member.id }).first()).to.include({ mobile: member.mobile });
    for (let i = 2; i < 5; i++) expect((await change(member.token, { mobile, code, password: `not-it-${i}` })).code).to.equal(503);
    expect((await change(member.token, { mobile, code, password: 'not-it-5' })).code).to.equal(607);
    expect((await client.call('user.login', { mobile: member.mobile, login_type: 2, password: member.password })).code).to.equal(607);
  });

  it('a code sent to the new mobile by somebody else is of no use (503 none sent for this key)', async () => {
    const member = await createMember(server);
    const mobile = uniqueMobile();
    const code = await sendCode(server, client, mobile, 'USER_MOBILE_CHANGE_CODE', member.token);
    const other = await createMember(server);
    const answer = await change(other.token, { mobile: uniqueMobile(), code, password: other.password });
    expect(answer.code).to.equal(503);
  });

  it('602 without a session', async () => {
    expect((await client.call('user.mobile.change', { mobile: uniqueMobile(), code: '123456', password: 'abcdefg' })).code).to.equal(602);
  });
});
