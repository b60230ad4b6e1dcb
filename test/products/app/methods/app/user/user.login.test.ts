import { expect } from 'chai';
import { PasswordHasher, passwordHasher } from '../../../../../../app/platform/identity/passwords';
import { createMember, LOOSE_LIMITS, sendCode, startAccountServer, TEST_SCRYPT_N, wrongCode, type Auth } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { uniqueMobile } from '../../../../../helpers/users';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const SHANGHAI_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('user.login', () => {
  let server: TestServer;
  let client: TestClient;
  let phone: TestClient;

  before(async () => {
    ({ server, client } = await startAccountServer(LOOSE_LIMITS));
    phone = await server.client('app', { platform: 1, appV: '1.2.0', channel: 'huawei', deviceToken: 'device-aaa' });
  });
  after(() => server.stop());

  const login = (mobile: string, password: string, c = client) => c.call<Auth>('user.login', { mobile, login_type: 2, password });
  const detail = (token: string) => client.call('user.detail', {}, { token });

  it('logs in with the password and answers Auth with a working token', async () => {
    const member = await createMember(server, { nickname: '小明' });
    const answer = await login(member.mobile, member.password);
    expect(answer.code).to.equal(200);
    expect(answer.msg).to.equal('登录成功');
    expect(answer.data).to.have.all.keys('token', 'open_id', 'mobile', 'headimg', 'nickname', 'intro', 'reg_time');
    expect(answer.data).to.include({ open_id: member.openId, mobile: member.mobile, nickname: '小明', headimg: '', intro: '' });
    expect(answer.data!.token).to.match(/^[0-9a-f]{48}$/);
    expect(answer.data!.reg_time).to.match(SHANGHAI_TIME);
    expect((await detail(answer.data!.token)).code).to.equal(200);
  });

  it('accepts the password in `code`, as the seed sends it', async () => {
    const member = await createMember(server);
    const answer = await client.call<Auth>('user.login', { mobile: member.mobile, login_type: 2, code: member.password });
    expect(answer.code).to.equal(200);
    expect((await client.call('user.login', { mobile: member.mobile, login_type: 2 })).msg).to.contain('password');
  });

  it('logs in with an SMS code (consumed: a second use fails)', async () => {
    const member = await createMember(server);
    const code = await sendCode(server, client, member.mobile, 'USER_LOGIN_CODE');
    const answer = await client.call<Auth>('user.login', { mobile: member.mobile, login_type: 1, code });
    expect(answer.code).to.equal(200);
    expect(answer.data!.mobile).to.equal(member.mobile);
    expect((await client.call('user.login', { mobile: member.mobile, login_type: 1, code })).code).to.equal(503);
  });

  it('700 for a wrong SMS code, 503 for none sent, 503 naming the field for a malformed one', async () => {
    const member = await createMember(server);
    expect((await client.call('user.login', { mobile: member.mobile, login_type: 1, code: '123456' })).code).to.equal(503);
    const code = await sendCode(server, client, member.mobile, 'USER_LOGIN_CODE');
    expect((await client.call('user.login', { mobile: member.mobile, login_type: 1, code: wrongCode(code) })).code).to.equal(700);
    const malformed = await client.call('user.login', { mobile: member.mobile, login_type: 1, code: '12ab' });
    expect(malformed.code).to.equal(503);
    expect(malformed.msg).to.contain('code');
  });

  it('605 for an unknown mobile; 503 for a wrong password, a bad mobile or login_type', async () => {
    expect((await login(uniqueMobile(), 'whatever1')).code).to.equal(605);
    const member = await createMember(server);
    const wrong = await login(member.mobile, 'not-it-1');
    expect(wrong.code).to.equal(503);
    expect(wrong).not.to.have.property('data');
    expect((await login('12345', 'whatever1')).msg).to.contain('mobile');
    expect((await client.call('user.login', { mobile: member.mobile, login_type: 3, password: member.password })).msg).to.contain('login_type');
  });

  it('503 for a disabled account, only after a right password', async () => {
    const member = await createMember(server);
    await server.app.db('users').where({ id: member.id }).update({ status: 0 });
    const answer = await login(member.mobile, member.password);
    expect(answer.code).to.equal(503);
    expect(answer.msg).to.contain('禁用');
    expect((await login(member.mobile, 'not-it-1')).msg).not.to.contain('禁用');
  });

  it("a phone's device token follows whoever logged in on it last", async () => {
    const [first, second] = [await createMember(server), await createMember(server)];
    const sharedPhone = await server.client('app', { platform: 1, appV: '1.2.0', deviceToken: 'device-shared-1' });
    expect((await login(first.mobile, first.password, sharedPhone)).code).to.equal(200);
    expect((await login(second.mobile, second.password, sharedPhone)).code).to.equal(200);
    expect(await server.app.db('push_devices').where({ user_id: second.id }).first()).to.include({ device_token: 'device-shared-1' });
    expect(await server.app.db('push_devices').where({ user_id: first.id }).first()).to.include({ device_token: '', last_device_token: 'device-shared-1' });
  });

  it('writes the login log and binds the push device of a phone', async () => {
    const member = await createMember(server);
    const answer = await login(member.mobile, member.password, phone);
    expect(answer.code).to.equal(200);
    const log = await server.app.db('login_log').where({ user_id: member.id });
    expect(log).to.have.length(1);
    expect(log[0]).to.include({ kind: 'login', ip: '127.0.0.1', platform: 1, app_v: '1.2.0', channel: 'huawei' });
    const device = await server.app.db('push_devices').where({ user_id: member.id }).first();
    expect(device).to.include({ device_token: 'device-aaa', platform: 1, app_v: '1.2.0', last_device_token: '' });

    const other = await server.client('app', { platform: 2, appV: '1.3.0', deviceToken: 'device-bbb' });
    expect((await login(member.mobile, member.password, other)).code).to.equal(200);
    const moved = await server.app.db('push_devices').where({ user_id: member.id }).first();
    expect(moved).to.include({ device_token: 'device-bbb', platform: 2, last_device_token: 'device-aaa' });
    // a web login carries no device token and leaves the phone's binding alone
    expect((await login(member.mobile, member.password)).code).to.equal(200);
    expect(await server.app.db('push_devices').where({ user_id: member.id }).first()).to.include({ device_token: 'device-bbb' });
    expect(await server.app.db('login_log').where({ user_id: member.id })).to.have.length(3);
  });

  it('a second login of the same client class makes the first token answer 603; the other class is unaffected', async () => {
    const member = await createMember(server);
    const first = (await login(member.mobile, member.password, phone)).data!.token;
    const web = (await login(member.mobile, member.password)).data!.token;
    const second = (await login(member.mobile, member.password, phone)).data!.token;
    expect((await detail(first)).code).to.equal(603);
    expect((await detail(second)).code).to.equal(200);
    expect((await detail(web)).code).to.equal(200);
  });

  it('app sessions slide to 30 days from last use; web sessions to 30 minutes', async () => {
    const member = await createMember(server);
    const app = (await login(member.mobile, member.password, phone)).data!.token;
    const web = (await login(member.mobile, member.password)).data!.token;
    server.clock.advance(29 * 60 * 1000);
    expect((await detail(web)).code).to.equal(200);
    server.clock.advance(29 * 60 * 1000);
    expect((await detail(web)).code, 'slid by the last call').to.equal(200);
    server.clock.advance(31 * 60 * 1000);
    expect((await detail(web)).code).to.equal(601);

    expect((await detail(app)).code).to.equal(200);
    server.clock.advance(29 * DAY);
    expect((await detail(app)).code).to.equal(200);
    server.clock.advance(29 * DAY);
    expect((await detail(app)).code).to.equal(200);
    server.clock.advance(30 * DAY + 60_000);
    expect((await detail(app)).code).to.equal(601);
  });

  it('rewrites a hash made with another cost on a successful login', async () => {
    const member = await createMember(server);
    await server.app.db('users').where({ id: member.id }).update({ password_hash: await new PasswordHasher({ N: 2 * TEST_SCRYPT_N }).hash(member.password) });
    expect((await login(member.mobile, member.password)).code).to.equal(200);
    const { password_hash } = await server.app.db('users').where({ id: member.id }).first();
    expect(password_hash.startsWith(`scrypt$${server.app.use(passwordHasher).cost.N}$`)).to.equal(true);
    expect((await login(member.mobile, member.password)).code).to.equal(200);
  });

  describe('lockout', () => {
    async function lockOut(mobile: string): Promise<string> {
      for (let i = 1; i < 5; i++) expect((await login(mobile, `wrong-${i}x`)).code).to.equal(503);
      const fifth = await login(mobile, 'wrong-5x');
      expect(fifth.code).to.equal(607);
      return fifth.msg;
    }

    it('5 wrong passwords lock password login for 24 h with the unlock time in msg', async () => {
      const member = await createMember(server);
      const msg = await lockOut(member.mobile);
      const unlock = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/.exec(msg)?.[1];
      expect(unlock, msg).to.be.a('string');
      const locked = await login(member.mobile, member.password);
      expect(locked.code, 'even the right password').to.equal(607);
      expect(locked.msg).to.contain(unlock!);
      server.clock.advance(DAY - 60_000);
      expect((await login(member.mobile, member.password)).code).to.equal(607);
      server.clock.advance(61_000);
      expect((await login(member.mobile, member.password)).code).to.equal(200);
    });

    it('counts user.pwd.edit failures too', async () => {
      const member = await createMember(server);
      for (let i = 1; i < 5; i++) {
        expect((await client.call('user.pwd.edit', { old_pwd: `wrong-${i}x`, new_pwd: 'newpass_1' }, { token: member.token })).code).to.equal(503);
      }
      expect((await login(member.mobile, 'wrong-5x')).code).to.equal(607);
    });

    it('a success clears the count', async () => {
      const member = await createMember(server);
      for (let i = 1; i < 5; i++) await login(member.mobile, `wrong-${i}x`);
      expect((await login(member.mobile, member.password)).code).to.equal(200);
      for (let i = 1; i < 5; i++) expect((await login(member.mobile, `wrong-${i}x`)).code).to.equal(503);
    });

    it('an SMS-code login still works during a lockout and lifts it', async () => {
      const member = await createMember(server);
      await lockOut(member.mobile);
      const code = await sendCode(server, client, member.mobile, 'USER_LOGIN_CODE');
      expect((await client.call('user.login', { mobile: member.mobile, login_type: 1, code })).code).to.equal(200);
      expect((await login(member.mobile, member.password)).code).to.equal(200);
    });
  });
});

describe('user.login: failures count towards the IP ban', () => {
  let server: TestServer;
  let client: TestClient;
  before(async () => ({ server, client } = await startAccountServer({ abuse: { failureThreshold: 3 } })));
  after(() => server.stop());

  it('unknown mobiles and wrong passwords from one IP end in 510', async () => {
    const member = await createMember(server);
    expect((await client.call('user.login', { mobile: uniqueMobile(), login_type: 2, password: 'whatever1' })).code).to.equal(605);
    expect((await client.call('user.login', { mobile: member.mobile, login_type: 2, password: 'wrong-1x' })).code).to.equal(503);
    expect((await client.call('user.login', { mobile: member.mobile, login_type: 2, password: 'wrong-2x' })).code).to.equal(503);
    expect((await client.call('user.login', { mobile: member.mobile, login_type: 2, password: member.password })).code).to.equal(510);
    expect(await server.app.db('ip_bans').where({ ip: '127.0.0.1' })).to.have.length(1);
  });
});
