import { expect } from 'chai';
import { userDirectory } from '../../../../../app/platform/identity/users';
import { LOOSE_LIMITS, prepareAccounts, sendCode } from '../../../../helpers/accounts';
import { startTestServer, type TestClient, type TestServer } from '../../../../helpers/harness';
import { uniqueMobile } from '../../../../helpers/users';
import { ok, refused } from '../../helpers';

/** The shared user service mounted in nearby: sms.send, user.register (with a username), user.login, user.logout. */
describe('nearby sms.send / user.register / user.login / user.logout', () => {
  let server: TestServer;
  let nearby: TestClient;
  let app: TestClient;

  before(async () => {
    server = await startTestServer(LOOSE_LIMITS);
    await prepareAccounts(server);
    nearby = await server.client('nearby');
    app = await server.client('app');
  });
  after(() => server.stop());

  const register = async (username: string, mobile = uniqueMobile()) => {
    const code = await sendCode(server, nearby, mobile, 'USER_REGISTER_CODE');
    return { mobile, answer: await nearby.call<{ token: string; username: string }>('user.register', { mobile, code, password: 'secret_123', username }) };
  };

  it('registers with a unique username and answers a nearby session that works in nearby only', async () => {
    const { mobile, answer } = await register('Alice_01');
    const data = ok(answer);
    expect(data).to.have.all.keys('token', 'username');
    expect(data.username).to.equal('alice_01');
    const row = await server.app.use(userDirectory).byMobile(mobile);
    expect(row).to.include({ username: 'alice_01' });
    expect((await nearby.call('msg.has_new', {}, { token: data.token })).code).to.equal(200);
    expect((await app.call('user.detail', {}, { token: data.token })).code).to.equal(601);
  });

  it('a taken username (any case) or a malformed one is refused, and the code is not spent', async () => {
    await register('bob_smith');
    const mobile = uniqueMobile();
    const code = await sendCode(server, nearby, mobile, 'USER_REGISTER_CODE');
    refused(await nearby.call('user.register', { mobile, code, password: 'secret_123', username: 'BOB_SMITH' }), /username is already taken/);
    for (const username of ['ab', '1abc', 'abc-def', 'a'.repeat(12)]) {
      refused(await nearby.call('user.register', { mobile, code, password: 'secret_123', username }), /username/);
    }
    expect(await server.app.use(userDirectory).byMobile(mobile)).to.equal(undefined);
    expect(ok(await nearby.call('user.register', { mobile, code, password: 'secret_123', username: 'bob_jones' }))).to.include({ username: 'bob_jones' });
  });

  it('logs in by password or code, answers the username; the old nearby token then answers 603', async () => {
    const { mobile, answer } = await register('carol');
    const first = ok(answer).token;
    const byPassword = ok(await nearby.call<{ token: string; username: string }>('user.login', { mobile, login_type: 2, password: 'secret_123' }));
    expect(byPassword.username).to.equal('carol');
    expect((await nearby.call('msg.has_new', {}, { token: first })).code).to.equal(603);
    const code = await sendCode(server, nearby, mobile, 'USER_LOGIN_CODE');
    const byCode = ok(await nearby.call<{ token: string; username: string }>('user.login', { mobile, login_type: 1, code }));
    expect(byCode).to.have.all.keys('token', 'username');
    expect((await nearby.call('user.login', { mobile, login_type: 2, password: 'wrong_pass' })).code).to.equal(503);
    expect((await nearby.call('user.login', { mobile: uniqueMobile(), login_type: 2, password: 'secret_123' })).code).to.equal(605);
    refused(await nearby.call('user.login', { mobile, login_type: 2 }), /password/);

    expect(ok(await nearby.call('user.logout', {}, { token: byCode.token }))).to.deep.equal({});
    expect((await nearby.call('msg.has_new', {}, { token: byCode.token })).code).to.equal(601);
  });

  it('sms.send takes the register and login keys only', async () => {
    refused(await nearby.call('sms.send', { mobile: uniqueMobile(), key: 'USER_PWD_FIND_CODE' }), /key/);
    expect((await nearby.call('sms.send', { mobile: uniqueMobile(), key: 'USER_LOGIN_CODE' })).code).to.equal(605);
  });
});
