import { expect } from 'chai';
import { smsDriverFactory, type SmsMessage } from '../../../../../app/platform/verify/sms/driver';
import type { TestClient, TestServer } from '../../../../helpers/harness';
import { outboxMessages, startSmsTestServer } from '../../../../helpers/sms';
import { uniqueMobile } from '../../../../helpers/users';

describe('sms.send.system (admin)', () => {
  let server: TestServer;
  let admin: TestClient;

  before(async () => {
    server = await startSmsTestServer();
    admin = await server.client('admin');
  });
  after(() => server.stop());

  it('sends a system notice with its placeholders filled, no code, no interval', async () => {
    const mobile = uniqueMobile();
    const replace = { mobile: '138****8000' };
    const answer = await admin.call('sms.send.system', { mobile, key: 'EXCEPTION_LOGIN', replace });
    expect(answer).to.deep.include({ code: 200, msg: '发送成功' });
    const sent = outboxMessages(server).filter((m) => m.mobile === mobile);
    expect(sent).to.have.length(1);
    expect(sent[0]).to.include({ key: 'EXCEPTION_LOGIN', code: '' });
    expect(sent[0].text).to.equal('您的账号138****8000在新设备上登录，如非本人操作请及时修改密码。');
    expect((await admin.call('sms.send.system', { mobile, key: 'EXCEPTION_LOGIN', replace })).code).to.equal(200);
    const logs = await server.app.db('sms_send_log').where({ mobile });
    expect(logs.map((l) => l.status)).to.deep.equal([2, 2]);
    expect(await server.app.db('verify_codes').where({ mobile })).to.have.length(0);
  });

  it('hands the provider the placeholder values in body order', async () => {
    const real = server.app.use(smsDriverFactory);
    const seen: SmsMessage[] = [];
    server.app.provide(smsDriverFactory, { send: async (m) => void seen.push(m) });
    try {
      await admin.call('sms.send.system', { mobile: uniqueMobile(), key: 'EXCEPTION_LOGIN', replace: { MOBILE: '139****0000' } });
    } finally {
      server.app.provide(smsDriverFactory, real);
    }
    expect(seen).to.have.length(1);
    expect(seen[0].params).to.deep.equal(['139****0000']);
  });

  it('refuses a missing placeholder value, a code template and an unknown key', async () => {
    const mobile = uniqueMobile();
    const missing = await admin.call('sms.send.system', { mobile, key: 'EXCEPTION_LOGIN' });
    expect(missing.code).to.equal(503);
    expect(missing.msg).to.contain('MOBILE');
    for (const key of ['ADMIN_LOGIN_CODE', 'NO_SUCH_KEY']) {
      const answer = await admin.call('sms.send.system', { mobile, key, replace: { mobile: 'x' } });
      expect(answer).to.deep.include({ code: 503, msg: '短信模板不存在' });
    }
    expect(outboxMessages(server).filter((m) => m.mobile === mobile)).to.have.length(0);
  });

  it('refuses a blacklisted mobile and a malformed replace', async () => {
    const mobile = uniqueMobile();
    await server.app.db('sms_blacklist').insert({ mobile, status: 1, c_time: 1, u_time: 1 });
    expect((await admin.call('sms.send.system', { mobile, key: 'EXCEPTION_LOGIN', replace: { mobile: 'x' } })).msg).to.contain('无法接收短信');
    expect((await admin.call('sms.send.system', { mobile: uniqueMobile(), key: 'EXCEPTION_LOGIN', replace: 'x' })).msg).to.contain('replace');
  });

  it('is not served to the app namespace', async () => {
    const app = await server.client('app');
    expect((await app.call('sms.send.system', { mobile: uniqueMobile(), key: 'EXCEPTION_LOGIN', replace: { mobile: 'x' } })).code).to.equal(509);
  });
});
