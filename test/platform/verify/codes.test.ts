import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect } from 'chai';
import { verificationCodes, type CodeClaim } from '../../../app/platform/verify/codes';
import { MailDeliveryError, mailDriverFactory } from '../../../app/platform/verify/mail/driver';
import type { Recipient } from '../../../app/platform/verify/recipient';
import { rejectionOf } from '../../helpers/errors';
import { startTestServer, type TestServer } from '../../helpers/harness';
import { lastMailCode, mailOutbox } from '../../helpers/mail';
import { lastCode, outboxMessages } from '../../helpers/sms';
import { uniqueMobile } from '../../helpers/users';

let counter = 0;
const uniqueEmail = () => `user${process.pid}x${++counter}@example.com`;
const md5 = (text: string) => crypto.createHash('md5').update(text).digest('hex');
const wrongOf = (code: string) => String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');

describe('VerificationCodeService', () => {
  let server: TestServer;
  const codes = () => server.app.use(verificationCodes);
  const send = (recipient: Recipient, key: string, namespace: 'account' | 'campus' | 'show' = 'account', ip = '10.3.0.1') =>
    codes().send({ recipient, key, namespace, ip, platform: 0 });

  before(async () => {
    server = await startTestServer({ sms: { dailyCapPerMobile: 3, dailyCapPerIp: 4 } });
  });
  after(() => server.stop());

  describe('e-mail channel', () => {
    const KEY = 'ACCOUNT_EMAIL_CODE';

    it('mails a 6-digit code through the outbox: to, key, code, subject, text; the log keeps no code', async () => {
      const email = uniqueEmail();
      const sent = await send({ channel: 'email', email: email.toUpperCase() }, KEY);
      expect(sent.rand).to.equal(null);
      const mail = mailOutbox(server).pop()!;
      expect(Object.keys(mail)).to.deep.equal(['to', 'key', 'code', 'subject', 'text', 'time']);
      expect(mail).to.include({ to: email, key: KEY, subject: '您的账号验证码' });
      expect(mail.code).to.match(/^\d{6}$/);
      expect(mail.text).to.contain(mail.code);
      expect(fs.statSync(server.config.mail.outboxFile).mode & 0o777).to.equal(0o600);
      const log = await server.app.db('sms_send_log').where({ mobile: email }).first();
      expect(log).to.include({ channel: 'email', send_key: KEY, status: 2 });
      expect(log.text).not.to.contain(mail.code);
      const row = await server.app.db('verify_codes').where({ mobile: email }).first();
      expect(row).to.include({ channel: 'email', send_key: KEY, rand: '' });
      expect(outboxMessages(server).filter((m) => m.mobile === email)).to.have.length(0);
    });

    it('the code checks without being spent (peek), then is consumed once', async () => {
      const email = uniqueEmail();
      await send({ channel: 'email', email }, KEY);
      const claim: CodeClaim = { recipient: { channel: 'email', email }, key: KEY, code: lastMailCode(server, email, KEY) };
      await codes().check(claim);
      await codes().check(claim);
      await codes().consume(claim);
      expect(await rejectionOf(codes().check(claim))).to.include({ code: 503, message: '验证码已使用，请重新获取' });
    });

    it('peeking counts wrong tries: five void the code, the right one after them is refused', async () => {
      const email = uniqueEmail();
      await send({ channel: 'email', email }, KEY);
      const code = lastMailCode(server, email, KEY);
      const recipient: Recipient = { channel: 'email', email };
      for (let i = 0; i < 5; i++) expect((await rejectionOf(codes().check({ recipient, key: KEY, code: wrongOf(code) }))).code).to.equal(700);
      expect(await rejectionOf(codes().check({ recipient, key: KEY, code }))).to.include({ code: 503, message: '验证码已失效，请重新获取' });
    });

    it('parallel wrong peeks get at most five comparisons', async () => {
      const email = uniqueEmail();
      await send({ channel: 'email', email }, KEY);
      const code = lastMailCode(server, email, KEY);
      const results = await Promise.allSettled(Array.from({ length: 30 }, () => codes().check({ recipient: { channel: 'email', email }, key: KEY, code: wrongOf(code) })));
      expect(results.filter((r) => r.status === 'rejected' && (r.reason as { code: number }).code === 700).length).to.be.at.most(5);
      const row = await server.app.db('verify_codes').where({ mobile: email }).first();
      expect(row).to.include({ voided: 1 });
    });

    it('keeps the interval and the daily caps per address and per IP, apart from SMS', async () => {
      const email = uniqueEmail();
      await send({ channel: 'email', email }, KEY, 'account', '10.4.0.1');
      expect((await rejectionOf(send({ channel: 'email', email }, KEY, 'account', '10.4.0.1'))).message).to.contain('两次发送间隔不能小于60秒');
      server.clock.advance(61_000);
      await send({ channel: 'email', email }, KEY, 'account', '10.4.0.2');
      server.clock.advance(61_000);
      await send({ channel: 'email', email }, KEY, 'account', '10.4.0.3');
      server.clock.advance(61_000);
      expect((await rejectionOf(send({ channel: 'email', email }, KEY, 'account', '10.4.0.4'))).message).to.equal('您的邮箱今天已发送超过3次');
      for (let i = 0; i < 4; i++) await send({ channel: 'email', email: uniqueEmail() }, KEY, 'account', '10.4.1.1');
      expect((await rejectionOf(send({ channel: 'email', email: uniqueEmail() }, KEY, 'account', '10.4.1.1'))).message).to.equal('您的IP今日发送超过上限');
      // The IP's SMS allowance is its own.
      await send({ channel: 'sms', mobile: uniqueMobile() }, 'ACCOUNT_SMS_CODE', 'account', '10.4.1.1');
    });

    it('a mail server failure is a 503, logged, and burns neither the interval nor the caps', async () => {
      const email = uniqueEmail();
      const real = server.app.use(mailDriverFactory);
      server.app.provide(mailDriverFactory, {
        async send() {
          throw new MailDeliveryError('smtp: 421 try later');
        },
      });
      try {
        for (let i = 0; i < 4; i++) expect(await rejectionOf(send({ channel: 'email', email }, KEY, 'account', '10.5.0.1'))).to.include({ code: 503, message: '邮件发送失败，请稍后重试' });
      } finally {
        server.app.provide(mailDriverFactory, real);
      }
      expect(await server.app.db('verify_codes').where({ mobile: email })).to.have.length(0);
      const log = await server.app.db('sms_send_log').where({ mobile: email }).first();
      expect(log).to.include({ status: 3, error: 'smtp: 421 try later' });
      await send({ channel: 'email', email }, KEY, 'account', '10.5.0.1');
    });

    it('a blacklisted address gets nothing', async () => {
      const email = uniqueEmail();
      await server.app.db('sms_blacklist').insert({ mobile: email, status: 1 });
      expect(await rejectionOf(send({ channel: 'email', email }, KEY))).to.include({ code: 503, message: '您的邮箱暂时无法接收邮件' });
      expect(mailOutbox(server).filter((m) => m.to === email)).to.have.length(0);
    });

    it('a template answers its own channel only, and a malformed address is refused', async () => {
      expect(await rejectionOf(send({ channel: 'sms', mobile: uniqueMobile() }, KEY))).to.include({ code: 503, message: '短信模板不存在' });
      expect(await rejectionOf(send({ channel: 'email', email: uniqueEmail() }, 'ACCOUNT_SMS_CODE'))).to.include({ code: 503, message: '邮件模板不存在' });
      expect(await rejectionOf(send({ channel: 'email', email: 'no-at-sign' }, KEY))).to.include({ code: 503, message: '邮箱格式不正确' });
    });
  });

  describe('campus: 3-minute codes proven by MD5(code + rand)', () => {
    const KEY = 'CAMPUS_REGISTER_CODE';

    it('hands out a rand; the proof and the code both check; the code expires after 3 minutes', async () => {
      const mobile = uniqueMobile();
      const sent = await send({ channel: 'sms', mobile }, KEY, 'campus');
      expect(sent.rand).to.match(/^[a-z0-9]{8}$/);
      expect(sent.expiresAt).to.equal(Math.floor(server.clock.now() / 1000) + 180);
      const code = lastCode(server, mobile, KEY);
      const recipient: Recipient = { channel: 'sms', mobile };
      await codes().check({ recipient, key: KEY, proof: md5(code + sent.rand).toUpperCase() });
      await codes().check({ recipient, key: KEY, code });
      expect((await rejectionOf(codes().check({ recipient, key: KEY, proof: md5(wrongOf(code) + sent.rand) }))).code).to.equal(700);
      server.clock.advance(180_000);
      expect(await rejectionOf(codes().check({ recipient, key: KEY, code }))).to.include({ code: 503, message: '验证码已过期，请重新获取' });
    });

    it('stores neither the code nor the proof: the row holds the rand and a keyed hash', async () => {
      const mobile = uniqueMobile();
      const sent = await send({ channel: 'sms', mobile }, KEY, 'campus');
      const code = lastCode(server, mobile, KEY);
      const row = await server.app.db('verify_codes').where({ mobile }).first();
      expect(row.rand).to.equal(sent.rand);
      expect(row.code_hash).not.to.equal(md5(code + sent.rand));
      expect(JSON.stringify(row)).not.to.contain(code);
    });

    it('only a campus appid may send it', async () => {
      expect(await rejectionOf(send({ channel: 'sms', mobile: uniqueMobile() }, KEY, 'show'))).to.include({ code: 503, message: '短信模板不存在' });
    });
  });

  describe('mobiles outside the mainland', () => {
    it('are known by +<area><number>, kept apart from a mainland number with the same digits', async () => {
      const mobile = uniqueMobile();
      await send({ channel: 'sms', mobile }, 'SHOW_AUTH_CODE', 'show', '10.6.0.1');
      await send({ channel: 'sms', mobile, area: '852' }, 'SHOW_AUTH_CODE', 'show', '10.6.0.1');
      const abroad = lastCode(server, `+852${mobile}`, 'SHOW_AUTH_CODE');
      const home = lastCode(server, mobile, 'SHOW_AUTH_CODE');
      await codes().consume({ recipient: { channel: 'sms', mobile, area: '852' }, key: 'SHOW_AUTH_CODE', code: abroad });
      await codes().consume({ recipient: { channel: 'sms', mobile }, key: 'SHOW_AUTH_CODE', code: home });
      expect(await rejectionOf(send({ channel: 'sms', mobile: '1234', area: '852' }, 'SHOW_AUTH_CODE', 'show'))).to.include({ message: '手机号格式不正确' });
      expect(await rejectionOf(send({ channel: 'sms', mobile, area: '12345' }, 'SHOW_AUTH_CODE', 'show'))).to.include({ message: '国际区号格式不正确' });
    });
  });
});
