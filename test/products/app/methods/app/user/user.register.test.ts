import { expect } from 'chai';
import { abuseGuard } from '../../../../../../app/platform/gateway/abuseGuard';
import { LOOSE_LIMITS, registerMember, sendCode, wrongCode, startAccountServer, type Auth } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { uniqueMobile } from '../../../../../helpers/users';

describe('user.register', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => ({ server, client } = await startAccountServer(LOOSE_LIMITS, { platform: 2, appV: '2.0.1', channel: 'xiaomi', deviceToken: 'push-1' })));
  after(() => server.stop());

  it('creates the account and answers a working session (Auth)', async () => {
    const mobile = '13800008000';
    const code = await sendCode(server, client, mobile, 'USER_REGISTER_CODE');
    const answer = await client.call<Auth>('user.register', { mobile, code, password: 'Pass_word-1' });
    expect(answer.code).to.equal(200);
    expect(answer.msg).to.equal('注册成功');
    expect(answer.data).to.have.all.keys('token', 'open_id', 'mobile', 'headimg', 'nickname', 'intro', 'reg_time');
    expect(answer.data).to.include({ mobile, nickname: '138****8000', headimg: '', intro: '' });
    expect(answer.data!.open_id).to.match(/^[0-9a-f]{32}$/);
    expect(answer.data!.reg_time).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const row = await server.app.db('users').where({ mobile }).first();
    expect(row).to.include({ open_id: answer.data!.open_id, status: 1, platform: 2, channel: 'xiaomi' });
    expect(row.password_hash).to.match(/^scrypt\$/);
    expect(row.password_hash).not.to.contain('Pass_word-1');
    expect(await server.app.db('login_log').where({ user_id: row.id })).to.have.length(1);
    expect(await server.app.db('login_log').where({ user_id: row.id }).first()).to.include({ kind: 'register', platform: 2, app_v: '2.0.1' });
    expect(await server.app.db('push_devices').where({ user_id: row.id }).first()).to.include({ device_token: 'push-1', platform: 2 });

    const detail = await client.call<{ mobile: string }>('user.detail', {}, { token: answer.data!.token });
    expect(detail.code).to.equal(200);
    expect(detail.data!.mobile).to.equal(mobile);
    const login = await client.call('user.login', { mobile, login_type: 2, password: 'Pass_word-1' });
    expect(login.code).to.equal(200);
  });

  it('the code is single use', async () => {
    const mobile = uniqueMobile();
    const code = await sendCode(server, client, mobile, 'USER_REGISTER_CODE');
    expect((await client.call('user.register', { mobile, code, password: 'secret_1' })).code).to.equal(200);
    const verify = await client.call('sms.verify', { mobile, key: 'USER_REGISTER_CODE', code });
    expect(verify.code).to.equal(503);
  });

  it('604 for a registered mobile, checked before the code, and counted towards the IP ban (no free enumeration)', async () => {
    const member = await registerMember(server, client);
    const failures = () => server.app.use(abuseGuard).failures('127.0.0.1');
    const before = await failures();
    const answer = await client.call('user.register', { mobile: member.mobile, code: '000000', password: 'secret_1' });
    expect(answer.code).to.equal(604);
    expect(await failures()).to.equal(before + 1);
  });

  it('700 for a wrong code, 503 when none was sent; no account either way', async () => {
    const mobile = uniqueMobile();
    expect((await client.call('user.register', { mobile, code: '123456', password: 'secret_1' })).code).to.equal(503);
    const code = await sendCode(server, client, mobile, 'USER_REGISTER_CODE');
    expect((await client.call('user.register', { mobile, code: wrongCode(code), password: 'secret_1' })).code).to.equal(700);
    expect(await server.app.db('users').where({ mobile })).to.have.length(0);
    expect((await client.call('user.register', { mobile, code, password: 'secret_1' })).code, 'the right code still works').to.equal(200);
  });

  for (const password of ['short', 'x'.repeat(21), 'has space1', '密码密码密码']) {
    it(`refuses the password ${JSON.stringify(password)} with 503 naming the field`, async () => {
      const answer = await client.call('user.register', { mobile: uniqueMobile(), code: '123456', password });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('password');
    });
  }

  it('two parallel registrations of one mobile give one account and one clean 604', async () => {
    const mobile = uniqueMobile();
    const code = await sendCode(server, client, mobile, 'USER_REGISTER_CODE');
    const answers = await Promise.all([
      client.call('user.register', { mobile, code, password: 'secret_1' }),
      client.call('user.register', { mobile, code, password: 'secret_2' }),
    ]);
    expect(answers.map((a) => a.code).sort()).to.deep.equal([200, 604]);
    expect(await server.app.db('users').where({ mobile })).to.have.length(1);
  });
});
