import Joi from 'joi';
import { expect } from 'chai';
import { verificationCodes } from '../../../app/platform/verify/codes';
import { defineMethod } from '../../../app/registry/method';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/harness';
import { lastMailCode } from '../../helpers/mail';

/**
 * The e-mail channel through the real endpoint: two probe methods in the `account` namespace stand in
 * for auth.send_code / auth.check_code (issue of the account product) and call the platform service.
 */
const probes = [
  defineMethod<{ email: string }>({
    name: 'probe.mail.send',
    namespaces: ['account', 'show'],
    since: '1.0.0',
    user: 'none',
    writes: true,
    summary: 'sends an e-mail code',
    schema: Joi.object({ email: Joi.string().max(100).required() }),
    async handler({ email }, call, app) {
      await app.use(verificationCodes).send({ recipient: { channel: 'email', email }, key: 'ACCOUNT_EMAIL_CODE', namespace: call.apiType, ip: call.ip, platform: call.platform });
    },
  }),
  defineMethod<{ email: string; code: string }>({
    name: 'probe.mail.check',
    namespaces: ['account'],
    since: '1.0.0',
    user: 'none',
    writes: false,
    summary: 'peeks at an e-mail code',
    schema: Joi.object({ email: Joi.string().max(100).required(), code: Joi.string().max(8).required() }),
    async handler({ email, code }, _call, app) {
      await app.use(verificationCodes).check({ recipient: { channel: 'email', email }, key: 'ACCOUNT_EMAIL_CODE', code });
    },
  }),
];

describe('e-mail codes through a signed call (account namespace probes)', () => {
  let server: TestServer;
  let account: TestClient;

  before(async () => {
    server = await startTestServer({}, { extraMethods: probes });
    account = await server.client('account');
  });
  after(() => server.stop());

  it('send, peek twice, wrong code 700, resend within 60 s refused; nothing but the hash in the database', async () => {
    const email = 'Probe.User@Example.com';
    expect((await account.call('probe.mail.send', { email })).code).to.equal(200);
    const code = lastMailCode(server, 'probe.user@example.com', 'ACCOUNT_EMAIL_CODE');
    expect((await account.call('probe.mail.check', { email, code })).code).to.equal(200);
    expect((await account.call('probe.mail.check', { email, code })).code).to.equal(200);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await account.call('probe.mail.check', { email, code: wrong })).to.deep.include({ code: 700, msg: '您的验证码不正确' });
    const again = await account.call('probe.mail.send', { email });
    expect(again).to.deep.include({ code: 503, msg: '两次发送间隔不能小于60秒' });
    const row = await server.app.db('verify_codes').where({ mobile: 'probe.user@example.com' }).first();
    expect(row).to.include({ channel: 'email', attempts: 1, used_at: 0 });
    expect(JSON.stringify(row)).not.to.contain(code);
  });

  it('the template is the account product\'s: the same call under show is refused', async () => {
    const show = await server.client('show');
    expect(await show.call('probe.mail.send', { email: 'x@example.com' })).to.deep.include({ code: 503, msg: '邮件模板不存在' });
  });
});
