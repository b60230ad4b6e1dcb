import { expect } from 'chai';
import { smsDriverFactory, SmsDeliveryError, type SmsDriver } from '../../../../../../app/platform/verify/sms/driver';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { lastCode, outboxMessages, startSmsTestServer } from '../../../../../helpers/sms';
import { createTestUser, uniqueMobile } from '../../../../../helpers/users';

describe('sms.send (app)', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startSmsTestServer();
    client = await server.client('app', { platform: 2 });
  });
  after(() => server.stop());

  const send = (mobile: string, key: string, token?: string) => client.call('sms.send', { mobile, key }, { token });

  it('sends a 6-digit register code to a new mobile, stored hashed and logged masked', async () => {
    const mobile = uniqueMobile();
    const answer = await send(mobile, 'USER_REGISTER_CODE');
    expect(answer).to.deep.include({ code: 200, msg: '发送成功' });
    const code = lastCode(server, mobile, 'USER_REGISTER_CODE');
    expect(code).to.match(/^\d{6}$/);
    const message = outboxMessages(server).pop()!;
    expect(message.text).to.contain(code);
    expect(message.time).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const rows = await server.app.db('verify_codes').where({ mobile, send_key: 'USER_REGISTER_CODE' });
    expect(rows).to.have.length(1);
    expect(rows[0].code_hash).to.match(/^[0-9a-f]{64}$/).and.not.contain(code);
    const log = await server.app.db('sms_send_log').where({ mobile }).first();
    expect(log).to.include({ send_key: 'USER_REGISTER_CODE', status: 2, ip: '127.0.0.1', platform: 2 });
    expect(log.text).to.contain('******').and.not.contain(code);
  });

  it('answers 604 for a register code to a registered mobile, and sends nothing', async () => {
    const user = await createTestUser(server);
    const answer = await send(user.mobile, 'USER_REGISTER_CODE');
    expect(answer.code).to.equal(604);
    expect(await server.app.db('verify_codes').where({ mobile: user.mobile })).to.have.length(0);
  });

  for (const key of ['USER_LOGIN_CODE', 'USER_PWD_FIND_CODE']) {
    it(`answers 605 for ${key} to an unknown mobile, and sends it to a registered one`, async () => {
      const stranger = uniqueMobile();
      expect((await send(stranger, key)).code).to.equal(605);
      expect(outboxMessages(server).filter((m) => m.mobile === stranger)).to.have.length(0);
      const user = await createTestUser(server);
      expect((await send(user.mobile, key)).code).to.equal(200);
      expect(lastCode(server, user.mobile, key)).to.match(/^\d{6}$/);
    });
  }

  describe('USER_MOBILE_CHANGE_CODE', () => {
    it('needs a logged-in user (602)', async () => {
      expect((await send(uniqueMobile(), 'USER_MOBILE_CHANGE_CODE')).code).to.equal(602);
    });

    it('refuses a mobile already in use, and the user\'s own', async () => {
      const user = await createTestUser(server);
      const other = await createTestUser(server);
      const inUse = await send(other.mobile, 'USER_MOBILE_CHANGE_CODE', user.token);
      expect(inUse.code).to.equal(503);
      expect(inUse.msg).to.contain('占用');
      expect((await send(user.mobile, 'USER_MOBILE_CHANGE_CODE', user.token)).code).to.equal(503);
    });

    it('sends the code to a free new mobile', async () => {
      const user = await createTestUser(server);
      const mobile = uniqueMobile();
      expect((await send(mobile, 'USER_MOBILE_CHANGE_CODE', user.token)).code).to.equal(200);
      expect(lastCode(server, mobile, 'USER_MOBILE_CHANGE_CODE')).to.match(/^\d{6}$/);
    });
  });

  for (const key of ['ADMIN_LOGIN_CODE', 'EXCEPTION_LOGIN', 'NO_SUCH_KEY']) {
    it(`refuses key ${key}, which the app may not send (503 naming the field)`, async () => {
      const answer = await send(uniqueMobile(), key);
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('key');
    });
  }

  for (const mobile of ['12800138000', '1380013800', '138001380001', 'abc']) {
    it(`refuses the malformed mobile ${mobile}`, async () => {
      const answer = await send(mobile, 'USER_REGISTER_CODE');
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('mobile');
    });
  }

  it('allows one send per mobile and key per 60 s, judged by the app clock', async () => {
    const mobile = uniqueMobile();
    expect((await send(mobile, 'USER_REGISTER_CODE')).code).to.equal(200);
    const first = lastCode(server, mobile, 'USER_REGISTER_CODE');
    server.clock.advance(30_000);
    const early = await send(mobile, 'USER_REGISTER_CODE');
    expect(early.code).to.equal(503);
    expect(early.msg).to.contain('两次发送间隔不能小于60秒');
    server.clock.advance(31_000);
    expect((await send(mobile, 'USER_REGISTER_CODE')).code).to.equal(200);
    expect(outboxMessages(server).filter((m) => m.mobile === mobile)).to.have.length(2);
    // The newer code supersedes the older one.
    const rows = await server.app.db('verify_codes').where({ mobile }).orderBy('id');
    expect(rows.map((r) => r.voided)).to.deep.equal([1, 0]);
    expect(first).to.match(/^\d{6}$/);
  });

  it('keeps the interval per key: another key to the same mobile is not blocked', async () => {
    const user = await createTestUser(server);
    expect((await send(user.mobile, 'USER_LOGIN_CODE')).code).to.equal(200);
    expect((await send(user.mobile, 'USER_PWD_FIND_CODE')).code).to.equal(200);
  });

  it('sends nothing to a blacklisted mobile', async () => {
    const mobile = uniqueMobile();
    await server.app.db('sms_blacklist').insert({ mobile, status: 1, c_time: 1, u_time: 1 });
    const answer = await send(mobile, 'USER_REGISTER_CODE');
    expect(answer.code).to.equal(503);
    expect(answer.msg).to.contain('无法接收短信');
    expect(outboxMessages(server).filter((m) => m.mobile === mobile)).to.have.length(0);
    await server.app.db('sms_blacklist').where({ mobile }).update({ status: 0 });
    expect((await send(mobile, 'USER_REGISTER_CODE')).code).to.equal(200);
  });

  describe('when the provider fails', () => {
    let realDriver: SmsDriver;
    before(() => {
      realDriver = server.app.use(smsDriverFactory);
    });
    afterEach(() => server.app.provide(smsDriverFactory, realDriver));

    it('answers 503, logs the failure and does not burn the interval', async () => {
      const mobile = uniqueMobile();
      server.app.provide(smsDriverFactory, {
        send: async () => {
          throw new SmsDeliveryError('provider down');
        },
      });
      const answer = await send(mobile, 'USER_REGISTER_CODE');
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('短信发送失败');
      const log = await server.app.db('sms_send_log').where({ mobile }).first();
      expect(log).to.include({ status: 3, error: 'provider down' });
      expect(await server.app.db('verify_codes').where({ mobile })).to.have.length(0);

      server.app.provide(smsDriverFactory, realDriver);
      expect((await send(mobile, 'USER_REGISTER_CODE')).code).to.equal(200);
    });

    it('keeps the previous code valid when a resend fails', async () => {
      const mobile = uniqueMobile();
      expect((await send(mobile, 'USER_REGISTER_CODE')).code).to.equal(200);
      const code = lastCode(server, mobile, 'USER_REGISTER_CODE');
      server.clock.advance(61_000);
      server.app.provide(smsDriverFactory, { send: () => Promise.reject(new Error('socket hang up')) });
      expect((await send(mobile, 'USER_REGISTER_CODE')).code).to.equal(503);
      const verify = await client.call('sms.verify', { mobile, key: 'USER_REGISTER_CODE', code });
      expect(verify.code).to.equal(200);
    });
  });
});
