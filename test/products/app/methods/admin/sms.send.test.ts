import { expect } from 'chai';
import type { TestClient, TestServer } from '../../../../helpers/harness';
import { lastCode, outboxMessages, startSmsTestServer } from '../../../../helpers/sms';
import { uniqueMobile } from '../../../../helpers/users';

describe('sms.send (admin)', () => {
  let server: TestServer;
  let admin: TestClient;

  before(async () => {
    server = await startSmsTestServer();
    admin = await server.client('admin');
  });
  after(() => server.stop());

  it('sends the back-office login code, registered user or not', async () => {
    const mobile = uniqueMobile();
    const answer = await admin.call('sms.send', { mobile, key: 'ADMIN_LOGIN_CODE' });
    expect(answer).to.deep.include({ code: 200, msg: '发送成功' });
    expect(lastCode(server, mobile, 'ADMIN_LOGIN_CODE')).to.match(/^\d{6}$/);
    const log = await server.app.db('sms_send_log').where({ mobile }).first();
    expect(log).to.include({ send_key: 'ADMIN_LOGIN_CODE', status: 2 });
  });

  it('keeps the 60-second interval', async () => {
    const mobile = uniqueMobile();
    expect((await admin.call('sms.send', { mobile, key: 'ADMIN_LOGIN_CODE' })).code).to.equal(200);
    expect((await admin.call('sms.send', { mobile, key: 'ADMIN_LOGIN_CODE' })).msg).to.contain('两次发送间隔');
    server.clock.advance(61_000);
    expect((await admin.call('sms.send', { mobile, key: 'ADMIN_LOGIN_CODE' })).code).to.equal(200);
  });

  for (const key of ['USER_LOGIN_CODE', 'EXCEPTION_LOGIN']) {
    it(`refuses the non-admin code key ${key}`, async () => {
      const mobile = uniqueMobile();
      const answer = await admin.call('sms.send', { mobile, key });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('key');
      expect(outboxMessages(server).filter((m) => m.mobile === mobile)).to.have.length(0);
    });
  }

  it('is not served to the app namespace with an admin key', async () => {
    const app = await server.client('app');
    expect((await app.call('sms.send', { mobile: uniqueMobile(), key: 'ADMIN_LOGIN_CODE' })).code).to.equal(503);
  });
});
