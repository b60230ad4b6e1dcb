import { expect } from 'chai';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { lastCode, startSmsTestServer } from '../../../../../helpers/sms';
import { uniqueMobile } from '../../../../../helpers/users';

const KEY = 'USER_REGISTER_CODE';

describe('sms.verify (app)', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startSmsTestServer();
    client = await server.client('app');
  });
  after(() => server.stop());

  async function freshCode(): Promise<{ mobile: string; code: string }> {
    const mobile = uniqueMobile();
    expect((await client.call('sms.send', { mobile, key: KEY })).code).to.equal(200);
    return { mobile, code: lastCode(server, mobile, KEY) };
  }
  const verify = (mobile: string, code: string, extra: Record<string, unknown> = {}) => client.call('sms.verify', { mobile, key: KEY, code, ...extra });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('confirms a right code without spending it by default', async () => {
    const { mobile, code } = await freshCode();
    const answer = await verify(mobile, code);
    expect(answer).to.deep.include({ code: 200, msg: '验证码正确' });
    expect(answer.data ?? null).to.equal(null);
    expect((await verify(mobile, code)).code).to.equal(200);
    const row = await server.app.db('verify_codes').where({ mobile }).first();
    expect(row.used_at).to.equal(0);
  });

  it('spends the code with is_destroy=1: a second use is refused', async () => {
    const { mobile, code } = await freshCode();
    expect((await verify(mobile, code, { is_destroy: 1 })).code).to.equal(200);
    const row = await server.app.db('verify_codes').where({ mobile }).first();
    expect(row.used_at).to.be.greaterThan(0);
    const again = await verify(mobile, code, { is_destroy: '1' });
    expect(again.code).to.equal(503);
    expect(again.msg).to.contain('已使用');
  });

  it('answers 700 to a wrong code and counts the attempt', async () => {
    const { mobile, code } = await freshCode();
    const answer = await verify(mobile, wrong(code));
    expect(answer).to.deep.include({ code: 700, msg: '您的验证码不正确' });
    expect((await server.app.db('verify_codes').where({ mobile }).first()).attempts).to.equal(1);
    expect((await verify(mobile, code)).code).to.equal(200);
  });

  it('voids the code at the 5th wrong try: even the right code is refused then', async () => {
    const { mobile, code } = await freshCode();
    for (let i = 0; i < 5; i++) expect((await verify(mobile, wrong(code))).code).to.equal(700);
    expect((await server.app.db('verify_codes').where({ mobile }).first()).voided).to.equal(1);
    const answer = await verify(mobile, code);
    expect(answer.code).to.equal(503);
    expect(answer.msg).to.contain('已失效');
  });

  it('refuses a code after its 10 minutes', async () => {
    const { mobile, code } = await freshCode();
    server.clock.advance(601_000);
    const answer = await verify(mobile, code);
    expect(answer.code).to.equal(503);
    expect(answer.msg).to.contain('过期');
  });

  it('refuses when no code was sent', async () => {
    const answer = await verify(uniqueMobile(), '123456');
    expect(answer.code).to.equal(503);
    expect(answer.msg).to.contain('请先获取验证码');
  });

  for (const code of ['12345', '1234567', 'abcdef']) {
    it(`refuses the malformed code ${code} (503 naming the field)`, async () => {
      const answer = await verify(uniqueMobile(), code);
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('code');
    });
  }

  it('refuses a key the app does not use, and a bad is_destroy', async () => {
    expect((await client.call('sms.verify', { mobile: uniqueMobile(), key: 'ADMIN_LOGIN_CODE', code: '123456' })).msg).to.contain('key');
    expect((await verify(uniqueMobile(), '123456', { is_destroy: 2 })).msg).to.contain('is_destroy');
  });
});
