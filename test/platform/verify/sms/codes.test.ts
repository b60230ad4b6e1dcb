import { expect } from 'chai';
import { smsCodeService } from '../../../../app/platform/verify/sms/codes';
import { renderTemplate } from '../../../../app/platform/verify/delivery';
import { rejectionOf } from '../../../helpers/errors';
import type { TestServer } from '../../../helpers/harness';
import { lastCode, outboxMessages, startSmsTestServer } from '../../../helpers/sms';
import { uniqueMobile } from '../../../helpers/users';

const KEY = 'USER_LOGIN_CODE';
const send = (server: TestServer, mobile: string, ip = '10.0.0.1') =>
  server.app.use(smsCodeService).send({ mobile, key: KEY, namespace: 'app', ip, platform: 1 });
const verify = (server: TestServer, mobile: string, code: string, consume = false) =>
  server.app.use(smsCodeService).verify({ mobile, key: KEY, code, consume });

describe('SmsCodeService', () => {
  let server: TestServer;

  before(async () => {
    server = await startSmsTestServer();
  });
  after(() => server.stop());

  it('writes one outbox line per message: mobile, key, code, text, time', async () => {
    const mobile = uniqueMobile();
    await send(server, mobile);
    const line = outboxMessages(server).pop()!;
    expect(Object.keys(line)).to.deep.equal(['mobile', 'key', 'code', 'text', 'time']);
    expect(line).to.include({ mobile, key: KEY });
    expect(line.text).to.equal(`您的登录验证码为${line.code}，10分钟内有效，请勿泄露给他人。`);
  });

  it('refuses a key outside the namespace, and a system template, as an unknown template', async () => {
    for (const [key, namespace] of [['USER_PWD_FIND_CODE', 'activity'], ['ADMIN_LOGIN_CODE', 'app'], ['EXCEPTION_LOGIN', 'admin']] as const) {
      const err = await rejectionOf(server.app.use(smsCodeService).send({ mobile: uniqueMobile(), key, namespace, ip: '10.0.0.2', platform: 0 }));
      expect(err).to.include({ code: 503, message: '短信模板不存在' });
    }
  });

  it('a newer code supersedes the older one', async () => {
    const mobile = uniqueMobile();
    await send(server, mobile);
    const older = lastCode(server, mobile, KEY);
    server.clock.advance(61_000);
    await send(server, mobile);
    const newer = lastCode(server, mobile, KEY);
    if (older !== newer) expect((await rejectionOf(verify(server, mobile, older))).code).to.equal(700);
    await verify(server, mobile, newer);
  });

  it('lets only one of two concurrent uses of a code through', async () => {
    const mobile = uniqueMobile();
    await send(server, mobile);
    const code = lastCode(server, mobile, KEY);
    const results = await Promise.allSettled([verify(server, mobile, code, true), verify(server, mobile, code, true)]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
  });

  it('a burst of parallel guesses gets at most five comparisons: the right code behind them is refused', async () => {
    const mobile = uniqueMobile();
    await send(server, mobile);
    const code = lastCode(server, mobile, KEY);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 25 ? code : wrong));
    const results = await Promise.allSettled(guesses.map((guess) => verify(server, mobile, guess, true)));
    // Compared guesses answer 700 (or succeed, for the right one); the rest are refused unread.
    const compared = results.filter((r) => r.status === 'fulfilled' || (r.reason as { code?: number }).code === 700);
    expect(compared.length).to.be.at.most(5);
    const row = await server.app.db('verify_codes').where({ mobile }).orderBy('id', 'desc').first();
    expect(row.attempts).to.be.at.most(5);
  });

  it('allows only one of two concurrent sends to one mobile and key', async () => {
    const mobile = uniqueMobile();
    const results = await Promise.allSettled([send(server, mobile), send(server, mobile)]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    expect(outboxMessages(server).filter((m) => m.mobile === mobile)).to.have.length(1);
  });

  it('renders named placeholders in order, masking the code for the log', () => {
    const rendered = renderTemplate('验证码%CODE%，账号%MOBILE%', { CODE: '123456', MOBILE: '13800138000' });
    expect(rendered).to.deep.equal({ text: '验证码123456，账号13800138000', maskedText: '验证码******，账号13800138000', params: ['123456', '13800138000'] });
    expect(() => renderTemplate('账号%MOBILE%', {})).to.throw('MOBILE');
  });
});

describe('SmsCodeService daily caps', () => {
  let server: TestServer;

  before(async () => {
    server = await startSmsTestServer({ sms: { dailyCapPerMobile: 2, dailyCapPerIp: 3 } });
  });
  after(() => server.stop());

  it('caps sends per mobile per day, and the next day starts afresh', async () => {
    const mobile = uniqueMobile();
    await send(server, mobile, '10.1.0.1');
    server.clock.advance(61_000);
    await send(server, mobile, '10.1.0.2');
    server.clock.advance(61_000);
    const err = await rejectionOf(send(server, mobile, '10.1.0.3'));
    expect(err.code).to.equal(503);
    expect(err.message).to.contain('今天已发送超过2次');
    server.clock.advance(24 * 3600 * 1000);
    await send(server, mobile, '10.1.0.4');
  });

  it('caps sends per IP per day, whatever the mobile', async () => {
    for (let i = 0; i < 3; i++) await send(server, uniqueMobile(), '10.2.0.1');
    const mobile = uniqueMobile();
    const err = await rejectionOf(send(server, mobile, '10.2.0.1'));
    expect(err.code).to.equal(503);
    expect(err.message).to.contain('IP');
    // A refusal reserves nothing: the same mobile from another address still has its whole allowance.
    await send(server, mobile, '10.2.0.2');
    server.clock.advance(61_000);
    await send(server, mobile, '10.2.0.3');
  });
});
