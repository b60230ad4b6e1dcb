import { expect } from 'chai';
import { requestTokenService } from '../../../../../../app/platform/gateway/requestTokens';
import { createMember, LOOSE_LIMITS, startAccountServer, type Auth } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';

describe('user.logout', () => {
  let server: TestServer;
  let phone: TestClient;
  let web: TestClient;

  before(async () => {
    ({ server, client: phone } = await startAccountServer(LOOSE_LIMITS, { platform: 1, appV: '1.0.0', deviceToken: 'dev-1' }));
    web = await server.client('app', { platform: 4 });
  });
  after(() => server.stop());

  const login = async (client: TestClient, member: { mobile: string; password: string }) =>
    (await client.call<Auth>('user.login', { mobile: member.mobile, login_type: 2, password: member.password })).data!.token;

  it('ends the session for good: the token then answers 601 and is a guest for optional methods', async () => {
    const member = await createMember(server);
    const token = await login(phone, member);
    const answer = await phone.call('user.logout', {}, { token });
    expect(answer).to.deep.equal({ code: 200, msg: '退出成功' });
    expect((await phone.call('user.detail', {}, { token })).code).to.equal(601);
    const guest = await phone.call<{ token: string }>('system.request.token', {}, { token });
    expect(guest.code).to.equal(200);
    expect(await server.app.use(requestTokenService).ownerOfToken(guest.data!.token)).to.equal(`a:${phone.appid}`);
    // logging in again works, and the old token stays dead
    const fresh = await login(phone, member);
    expect((await phone.call('user.detail', {}, { token: fresh })).code).to.equal(200);
    expect((await phone.call('user.detail', {}, { token })).code).to.equal(601);
  });

  it('a phone logout clears its push binding; a web logout leaves it', async () => {
    const member = await createMember(server);
    const phoneToken = await login(phone, member);
    const webToken = await login(web, member);
    expect((await web.call('user.logout', {}, { token: webToken })).code).to.equal(200);
    expect(await server.app.db('push_devices').where({ user_id: member.id }).first()).to.include({ device_token: 'dev-1' });
    expect((await phone.call('user.detail', {}, { token: phoneToken })).code, 'other class untouched').to.equal(200);
    expect((await phone.call('user.logout', {}, { token: phoneToken })).code).to.equal(200);
    expect(await server.app.db('push_devices').where({ user_id: member.id }).first()).to.include({ device_token: '', last_device_token: 'dev-1' });
  });

  it('without a token, or with a dead one, still answers 退出成功', async () => {
    expect(await web.call('user.logout')).to.deep.equal({ code: 200, msg: '退出成功' });
    expect((await web.call('user.logout', {}, { token: 'f'.repeat(48) })).code).to.equal(200);
  });
});
