import { expect } from 'chai';
import type { TestClient, TestServer } from '../../../../helpers/harness';
import { lastCode, startSmsTestServer } from '../../../../helpers/sms';
import { uniqueMobile } from '../../../../helpers/users';

const KEY = 'ADMIN_LOGIN_CODE';

describe('sms.verify (admin)', () => {
  let server: TestServer;
  let admin: TestClient;

  before(async () => {
    server = await startSmsTestServer();
    admin = await server.client('admin');
  });
  after(() => server.stop());

  async function freshCode(): Promise<{ mobile: string; code: string }> {
    const mobile = uniqueMobile();
    expect((await admin.call('sms.send', { mobile, key: KEY })).code).to.equal(200);
    return { mobile, code: lastCode(server, mobile, KEY) };
  }

  it('accepts the right code once: it is spent', async () => {
    const { mobile, code } = await freshCode();
    expect(await admin.call('sms.verify', { mobile, key: KEY, code })).to.deep.include({ code: 200, msg: '验证码正确' });
    const again = await admin.call('sms.verify', { mobile, key: KEY, code });
    expect(again.code).to.equal(503);
    expect(again.msg).to.contain('已使用');
  });

  it('answers 700 to a wrong code, and 503 after ten minutes', async () => {
    const { mobile, code } = await freshCode();
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await admin.call('sms.verify', { mobile, key: KEY, code: wrong })).code).to.equal(700);
    server.clock.advance(601_000);
    expect((await admin.call('sms.verify', { mobile, key: KEY, code })).code).to.equal(503);
  });

  it('verifies only admin keys', async () => {
    const answer = await admin.call('sms.verify', { mobile: uniqueMobile(), key: 'USER_LOGIN_CODE', code: '123456' });
    expect(answer.code).to.equal(503);
    expect(answer.msg).to.contain('key');
  });
});
