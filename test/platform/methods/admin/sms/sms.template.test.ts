import { expect } from 'chai';
import { verificationCodes } from '../../../../../app/platform/verify/codes';
import { asAdmin, expectPage, ok, refused } from '../../../../helpers/admin';
import { rejectionOf } from '../../../../helpers/errors';
import { startTestServer, type TestClient, type TestServer } from '../../../../helpers/harness';
import { lastCode, outboxMessages } from '../../../../helpers/sms';
import { createTestUser, uniqueMobile } from '../../../../helpers/users';

const ADMIN_ID = 7;

describe('sms.template.* (admin)', () => {
  let server: TestServer;
  let admin: ReturnType<typeof asAdmin>;
  let app: TestClient;

  before(async () => {
    server = await startTestServer();
    admin = asAdmin(await server.client('admin'), ADMIN_ID);
    app = await server.client('app');
  });
  after(() => server.stop());

  const add = (params: Record<string, unknown>) => admin('sms.template.add', { title: '测试', body: '验证码%CODE%', namespaces: 'app', ...params });
  const row = (send_key: string) => server.app.db('sms_templates').where({ send_key }).first();

  it('lists the installed templates paged, newest first, with their rules', async () => {
    const page = ok(await admin('sms.template.list'));
    expectPage(page, server.config.paging.pageSize);
    expect(page.total).to.equal(10);
    const ids = page.list.map((t) => t.id as number);
    expect(ids).to.deep.equal([...ids].sort((a, b) => b - a));
    const second = ok<{ list: unknown[]; page: number }>(await admin('sms.template.list', { page: 2 }));
    expect(second.page).to.equal(2);
    const campus = (ok(await admin('sms.template.list', { send_key: 'CAMPUS_REGISTER_CODE' })) as { list: Array<Record<string, unknown>> }).list;
    expect(campus).to.have.length(1);
    expect(campus[0]).to.include({ send_key: 'CAMPUS_REGISTER_CODE', send_channel: 'sms', ttl_sec: 180, code_length: 6, proof: 'md5_rand', namespaces: 'campus', trigger_type: 1, status: 1 });
    expect(campus[0].c_time).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('filters by channel and by namespace (a name in a comma list, never a substring)', async () => {
    const mails = ok<{ list: Array<{ send_key: string; send_channel: string }> }>(await admin('sms.template.list', { send_channel: 'email' })).list;
    expect(mails.map((t) => t.send_key)).to.include('ACCOUNT_EMAIL_CODE');
    expect(mails.every((t) => t.send_channel === 'email')).to.equal(true);
    const activity = ok<{ list: Array<{ send_key: string }> }>(await admin('sms.template.list', { namespace: 'activity' })).list;
    expect(activity.map((t) => t.send_key).sort()).to.deep.equal(['USER_LOGIN_CODE', 'USER_REGISTER_CODE']);
    const nearby = ok<{ list: Array<{ send_key: string; namespaces: string }> }>(await admin('sms.template.list', { namespace: 'nearby' })).list;
    expect(nearby.map((t) => t.namespaces).sort()).to.deep.equal(['app,activity,nearby', 'app,activity,nearby']);
  });

  it('adds a template that the code service can use at once, with its rules', async () => {
    const answer = ok(await add({ send_key: 'PROBE_EIGHT_DIGITS', body: '您的验证码%CODE%，5分钟有效', namespaces: 'app, show', code_length: 8, ttl_sec: 300 }));
    expect((answer as { id: number }).id).to.be.a('number');
    expect(await row('PROBE_EIGHT_DIGITS')).to.include({ id: (answer as { id: number }).id, namespaces: 'app,show', code_length: 8, ttl_sec: 300, send_channel: 'sms', proof: 'code', c_by: ADMIN_ID, u_by: ADMIN_ID, status: 1 });
    const mobile = uniqueMobile();
    const sent = await server.app.use(verificationCodes).send({ recipient: { channel: 'sms', mobile }, key: 'PROBE_EIGHT_DIGITS', namespace: 'show', ip: '10.9.0.1', platform: 0 });
    const code = lastCode(server, mobile, 'PROBE_EIGHT_DIGITS');
    expect(code).to.match(/^\d{8}$/);
    expect(sent.expiresAt).to.equal(Math.floor(server.clock.now() / 1000) + 300);
    await server.app.use(verificationCodes).consume({ recipient: { channel: 'sms', mobile }, key: 'PROBE_EIGHT_DIGITS', code });
  });

  it('an edit counts at the next send: new body through app sms.send, and switched off means unknown', async () => {
    const current = await row('USER_LOGIN_CODE');
    const registered = await createTestUser(server);
    ok(await admin('sms.template.edit', { id: current.id, body: '登录码%CODE%，勿告诉他人' }));
    expect(ok(await app.call('sms.send', { mobile: registered.mobile, key: 'USER_LOGIN_CODE' })) ?? null).to.equal(null);
    const sent = outboxMessages(server).filter((m) => m.mobile === registered.mobile).pop()!;
    expect(sent.text).to.equal(`登录码${sent.code}，勿告诉他人`);
    ok(await admin('sms.template.edit', { id: current.id, status: 0 }));
    server.clock.advance(61_000);
    refused(await app.call('sms.send', { mobile: registered.mobile, key: 'USER_LOGIN_CODE' }), /短信模板不存在/);
    ok(await admin('sms.template.edit', { id: current.id, status: 1, body: current.body }));
    expect(await row('USER_LOGIN_CODE')).to.include({ body: current.body, status: 1, u_by: ADMIN_ID });
  });

  it('a namespace taken away stops that product at once', async () => {
    ok(await add({ send_key: 'PROBE_TWO_PRODUCTS', namespaces: 'show,campus' }));
    const { id } = await row('PROBE_TWO_PRODUCTS');
    ok(await admin('sms.template.edit', { id, namespaces: 'campus' }));
    const err = await rejectionOf(
      server.app.use(verificationCodes).send({ recipient: { channel: 'sms', mobile: uniqueMobile() }, key: 'PROBE_TWO_PRODUCTS', namespace: 'show', ip: '10.9.0.2', platform: 0 }),
    );
    expect(err).to.include({ code: 503, message: '短信模板不存在' });
  });

  it('refuses a code template without %CODE%, a system notice with one, and e-mail system notices', async () => {
    refused(await add({ send_key: 'PROBE_NO_CODE', body: '没有验证码' }), /must contain %CODE%/);
    refused(await add({ send_key: 'PROBE_SYS_CODE', trigger_type: 2, body: '通知%CODE%' }), /system notice has no code/);
    refused(await add({ send_key: 'PROBE_SYS_MAIL', trigger_type: 2, send_channel: 'email', body: '通知%NAME%' }), /by SMS only/);
    const { id } = await row('SHOW_AUTH_CODE');
    refused(await admin('sms.template.edit', { id, body: '不带验证码' }), /must contain %CODE%/);
    refused(await admin('sms.template.edit', { id, trigger_type: 2 }), /system notice has no code/);
    expect((await row('SHOW_AUTH_CODE')).body).to.contain('%CODE%');
    expect(await server.app.db('sms_templates').whereIn('send_key', ['PROBE_NO_CODE', 'PROBE_SYS_CODE', 'PROBE_SYS_MAIL'])).to.have.length(0);
  });

  it('refuses a taken send_key with a clear 503, on add and on edit', async () => {
    refused(await add({ send_key: 'USER_LOGIN_CODE' }), /^send_key USER_LOGIN_CODE is taken$/);
    const { id } = await row('SHOW_AUTH_CODE');
    refused(await admin('sms.template.edit', { id, send_key: 'CAMPUS_REGISTER_CODE' }), /^send_key CAMPUS_REGISTER_CODE is taken$/);
    expect((await row('CAMPUS_REGISTER_CODE')).namespaces).to.equal('campus');
  });

  for (const [params, pattern] of [
    [{ send_key: 'lower_case' }, /send_key/],
    [{ send_key: 'X' }, /send_key/],
    [{ send_key: 'PROBE_NS', namespaces: 'app,shop' }, /"namespaces" must be a comma list/],
    [{ send_key: 'PROBE_NS2', namespaces: 'app,app' }, /"namespaces" names a namespace twice/],
    [{ send_key: 'PROBE_LEN', code_length: 3 }, /code_length/],
    [{ send_key: 'PROBE_TTL', ttl_sec: 30 }, /ttl_sec/],
    [{ send_key: 'PROBE_CHANNEL', send_channel: 'fax' }, /send_channel/],
    [{ send_key: 'PROBE_PROOF', proof: 'sha1' }, /proof/],
    [{ send_key: 'PROBE_BODY', body: 'x'.repeat(501) }, /body/],
    [{ send_key: 'PROBE_ADMIN', admin_id: 0 }, /admin_id/],
  ] as const) {
    it(`refuses a bad parameter and writes nothing: ${JSON.stringify(params).slice(0, 60)}`, async () => {
      refused(await add(params), pattern);
      expect(await row(params.send_key)).to.equal(undefined);
    });
  }

  it('edit needs a field to change and a template that exists', async () => {
    refused(await admin('sms.template.edit', { id: 1 }), /give at least one field/);
    refused(await admin('sms.template.edit', { id: 999_999, title: 'x' }), /the template does not exist/);
  });

  it('is a back-office method only', async () => {
    expect((await app.call('sms.template.list', {})).code).to.not.equal(200);
  });
});
