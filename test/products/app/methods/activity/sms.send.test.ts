import { expect } from 'chai';
import type { TestClient, TestServer } from '../../../../helpers/harness';
import { lastCode, startSmsTestServer } from '../../../../helpers/sms';
import { createTestUser, uniqueMobile } from '../../../../helpers/users';

describe('sms.send (activity)', () => {
  let server: TestServer;
  let activity: TestClient;

  before(async () => {
    server = await startSmsTestServer();
    activity = await server.client('activity');
  });
  after(() => server.stop());

  it('sends register and login codes, with the app\'s 604/605 rules', async () => {
    const mobile = uniqueMobile();
    expect(await activity.call('sms.send', { mobile, key: 'USER_REGISTER_CODE' })).to.deep.include({ code: 200, msg: '发送成功' });
    expect(lastCode(server, mobile, 'USER_REGISTER_CODE')).to.match(/^\d{6}$/);
    expect((await activity.call('sms.send', { mobile, key: 'USER_LOGIN_CODE' })).code).to.equal(605);
    const user = await createTestUser(server);
    expect((await activity.call('sms.send', { mobile: user.mobile, key: 'USER_REGISTER_CODE' })).code).to.equal(604);
    expect((await activity.call('sms.send', { mobile: user.mobile, key: 'USER_LOGIN_CODE' })).code).to.equal(200);
    const log = await server.app.db('sms_send_log').where({ mobile: user.mobile }).first();
    expect(log).to.include({ send_key: 'USER_LOGIN_CODE', status: 2 });
  });

  for (const key of ['USER_PWD_FIND_CODE', 'USER_MOBILE_CHANGE_CODE', 'ADMIN_LOGIN_CODE']) {
    it(`refuses ${key}`, async () => {
      const answer = await activity.call('sms.send', { mobile: uniqueMobile(), key });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('key');
    });
  }
});
