import crypto from 'node:crypto';
import { expect } from 'chai';
import nock from 'nock';
import { SmsDeliveryError, type SmsMessage } from '../../../../app/platform/verify/sms/driver';
import { tc3Authorization, TencentSmsDriver } from '../../../../app/platform/verify/sms/tencent';
import { rejectionOf } from '../../../helpers/errors';
import type { TestServer } from '../../../helpers/harness';
import { startSmsTestServer } from '../../../helpers/sms';
import { uniqueMobile } from '../../../helpers/users';

const config = {
  secretId: 'AKIDtestsecretid',
  secretKey: 'testsecretkey',
  sdkAppId: '1400000001',
  signName: '测试签名',
  region: 'ap-guangzhou',
  endpoint: 'sms.tencentcloudapi.com',
};
const NOW_MS = 1_700_000_000_123;

const message: SmsMessage = {
  mobile: '13800138000',
  key: 'USER_LOGIN_CODE',
  code: '123456',
  text: '您的登录验证码为123456',
  providerTemplateId: '1234567',
  params: ['123456'],
};

describe('Tencent Cloud SMS driver', () => {
  before(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  after(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('signs like the documentation\'s TC3-HMAC-SHA256 example (CVM DescribeInstances)', () => {
    const authorization = tc3Authorization({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      timestamp: 1551113065,
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    });
    expect(authorization).to.equal(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('posts the documented SendSms request, signed for the call\'s own timestamp and body', async () => {
    let seen: { headers: Record<string, string | string[]>; body: string } | undefined;
    nock('https://sms.tencentcloudapi.com')
      .post('/')
      .reply(function (_uri, body) {
        seen = { headers: this.req.headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
        return [200, { Response: { SendStatusSet: [{ SerialNo: '2028:1', PhoneNumber: '+8613800138000', Fee: 1, Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: 'r-1' } }];
      });
    await new TencentSmsDriver(config, () => NOW_MS).send(message);

    expect(seen).to.not.equal(undefined);
    const { headers, body } = seen!;
    expect(headers['x-tc-action']).to.equal('SendSms');
    expect(headers['x-tc-version']).to.equal('2021-01-11');
    expect(headers['x-tc-region']).to.equal('ap-guangzhou');
    expect(headers['x-tc-timestamp']).to.equal('1700000000');
    expect(headers['content-type']).to.equal('application/json; charset=utf-8');
    expect(JSON.parse(body)).to.deep.equal({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400000001',
      SignName: '测试签名',
      TemplateId: '1234567',
      TemplateParamSet: ['123456'],
    });
    // Recompute the signature independently from the bytes that went over the wire.
    const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
    const h = (k: crypto.BinaryLike, s: string) => crypto.createHmac('sha256', k).update(s).digest();
    const canonical = `POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:sms.tencentcloudapi.com\n\ncontent-type;host\n${sha(body)}`;
    const toSign = `TC3-HMAC-SHA256\n1700000000\n2023-11-14/sms/tc3_request\n${sha(canonical)}`;
    const key = h(h(h('TC3testsecretkey', '2023-11-14'), 'sms'), 'tc3_request');
    const signature = crypto.createHmac('sha256', key).update(toSign).digest('hex');
    expect(headers.authorization).to.equal(
      `TC3-HMAC-SHA256 Credential=AKIDtestsecretid/2023-11-14/sms/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
    );
  });

  it('fails on an API error answer (Response.Error)', async () => {
    nock('https://sms.tencentcloudapi.com')
      .post('/')
      .reply(200, { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'r-2' } });
    const err = await rejectionOf(new TencentSmsDriver(config, () => NOW_MS).send(message));
    expect(err).to.be.instanceOf(SmsDeliveryError);
    expect(err.message).to.contain('AuthFailure.SignatureFailure');
  });

  it('fails when the number\'s send status is not Ok', async () => {
    nock('https://sms.tencentcloudapi.com')
      .post('/')
      .reply(200, { Response: { SendStatusSet: [{ PhoneNumber: '+8613800138000', Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: 'daily limit' }], RequestId: 'r-3' } });
    const err = await rejectionOf(new TencentSmsDriver(config, () => NOW_MS).send(message));
    expect(err).to.be.instanceOf(SmsDeliveryError);
    expect(err.message).to.contain('LimitExceeded.PhoneNumberDailyLimit');
  });

  it('fails on an HTTP error and on an unreachable endpoint', async () => {
    nock('https://sms.tencentcloudapi.com').post('/').reply(502, 'bad gateway');
    expect((await rejectionOf(new TencentSmsDriver(config, () => NOW_MS).send(message))).message).to.contain('HTTP 502');
    nock('https://sms.tencentcloudapi.com').post('/').replyWithError('connect ECONNREFUSED');
    const err = await rejectionOf(new TencentSmsDriver(config, () => NOW_MS).send(message));
    expect(err).to.be.instanceOf(SmsDeliveryError);
    expect(err.message).to.contain('unreachable');
  });

  it('refuses a template without a Tencent template id, without calling out', async () => {
    const err = await rejectionOf(new TencentSmsDriver(config, () => NOW_MS).send({ ...message, providerTemplateId: '' }));
    expect(err).to.be.instanceOf(SmsDeliveryError);
    expect(err.message).to.contain('template id');
  });
});

describe('sms.driver = tencent, through sms.send', () => {
  let server: TestServer;

  before(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    server = await startSmsTestServer({ sms: { driver: 'tencent', tencent: config } });
    await server.app.db('sms_templates').where({ send_key: 'USER_REGISTER_CODE' }).update({ provider_template_id: '7654321' });
  });
  afterEach(() => nock.cleanAll());
  after(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await server.stop();
  });

  it('sends the code as the template parameter; a provider error answers 503 and frees the interval', async () => {
    const client = await server.client('app');
    const mobile = uniqueMobile();
    nock('https://sms.tencentcloudapi.com')
      .post('/', (body: { TemplateId: string }) => body.TemplateId === '7654321')
      .reply(200, { Response: { Error: { Code: 'FailedOperation.InsufficientBalanceInSmsPackage', Message: 'no balance' }, RequestId: 'r-4' } });
    const failed = await client.call('sms.send', { mobile, key: 'USER_REGISTER_CODE' });
    expect(failed.code).to.equal(503);
    expect((await server.app.db('sms_send_log').where({ mobile }).first()).error).to.contain('InsufficientBalance');

    let params: string[] = [];
    nock('https://sms.tencentcloudapi.com')
      .post('/', (body: { TemplateParamSet: string[] }) => ((params = body.TemplateParamSet), true))
      .reply(200, { Response: { SendStatusSet: [{ PhoneNumber: `+86${mobile}`, Code: 'Ok', Message: 'send success' }], RequestId: 'r-5' } });
    expect((await client.call('sms.send', { mobile, key: 'USER_REGISTER_CODE' })).code).to.equal(200);
    expect(params).to.have.length(1);
    expect(params[0]).to.match(/^\d{6}$/);
    expect((await client.call('sms.verify', { mobile, key: 'USER_REGISTER_CODE', code: params[0] })).code).to.equal(200);
  });
});
