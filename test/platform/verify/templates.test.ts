import { expect } from 'chai';
import { installReferenceData } from '../../../app/platform/reference/install';
import { startTestServer, type TestServer } from '../../helpers/harness';

type Template = { send_key: string; namespaces: string; send_channel: string; ttl_sec: number; code_length: number; proof: string; trigger_type: number; body: string; status: number };

describe('verification templates as reference data', () => {
  let server: TestServer;
  const templates = async (): Promise<Record<string, Template>> =>
    Object.fromEntries(((await server.app.db('sms_templates').select()) as Template[]).map((t) => [t.send_key, t]));

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('a start installs the templates of every product, each with the rules its catalogue needs', async () => {
    const all = await templates();
    expect(Object.keys(all).sort()).to.deep.equal([
      'ACCOUNT_EMAIL_CODE',
      'ACCOUNT_SMS_CODE',
      'ADMIN_LOGIN_CODE',
      'CAMPUS_REGISTER_CODE',
      'EXCEPTION_LOGIN',
      'SHOW_AUTH_CODE',
      'USER_LOGIN_CODE',
      'USER_MOBILE_CHANGE_CODE',
      'USER_PWD_FIND_CODE',
      'USER_REGISTER_CODE',
    ]);
    expect(all.USER_REGISTER_CODE).to.include({ namespaces: 'app,activity,nearby', send_channel: 'sms', ttl_sec: 0, code_length: 6, proof: 'code' });
    expect(all.USER_LOGIN_CODE.namespaces).to.equal('app,activity,nearby');
    expect(all.SHOW_AUTH_CODE).to.include({ namespaces: 'show', send_channel: 'sms' });
    expect(all.CAMPUS_REGISTER_CODE).to.include({ namespaces: 'campus', ttl_sec: 180, proof: 'md5_rand' });
    expect(all.ACCOUNT_SMS_CODE).to.include({ namespaces: 'account', send_channel: 'sms' });
    expect(all.ACCOUNT_EMAIL_CODE).to.include({ namespaces: 'account', send_channel: 'email' });
    expect(all.EXCEPTION_LOGIN).to.include({ trigger_type: 2, namespaces: 'admin' });
    for (const t of Object.values(all)) if (t.trigger_type === 1) expect(t.body, t.send_key).to.contain('%CODE%');
  });

  it('installing again changes nothing', async () => {
    const before = await templates();
    const grants = await server.app.db('verify_template_grants').count({ n: '*' });
    await installReferenceData(server.app);
    await installReferenceData(server.app);
    expect(await templates()).to.deep.equal(before);
    expect(await server.app.db('verify_template_grants').count({ n: '*' })).to.deep.equal(grants);
  });

  it('never overwrites what an operator changed: body, status, a namespace taken away', async () => {
    await server.app.db('sms_templates').where({ send_key: 'USER_LOGIN_CODE' }).update({ body: '改过的%CODE%', namespaces: 'app,activity', status: 0 });
    await server.app.db('sms_templates').where({ send_key: 'CAMPUS_REGISTER_CODE' }).update({ ttl_sec: 300 });
    await installReferenceData(server.app);
    const all = await templates();
    expect(all.USER_LOGIN_CODE).to.include({ body: '改过的%CODE%', namespaces: 'app,activity', status: 0 });
    expect(all.CAMPUS_REGISTER_CODE.ttl_sec).to.equal(300);
  });

  it('an upgraded database (templates without grants) gets the new product namespaces once', async () => {
    await server.app.db('verify_template_grants').delete();
    await server.app.db('sms_templates').where({ send_key: 'USER_REGISTER_CODE' }).update({ namespaces: 'app,activity' });
    await server.app.db('sms_templates').where({ send_key: 'SHOW_AUTH_CODE' }).delete();
    await installReferenceData(server.app);
    const all = await templates();
    expect(all.USER_REGISTER_CODE.namespaces).to.equal('app,activity,nearby');
    expect(all.SHOW_AUTH_CODE.namespaces).to.equal('show');
    const grants = await server.app.db('verify_template_grants').where({ send_key: 'USER_REGISTER_CODE' }).orderBy('namespace').pluck('namespace');
    expect(grants).to.deep.equal(['activity', 'app', 'nearby']);
  });

  it('two hosts installing into one empty table at once both start, and nothing is doubled', async () => {
    await server.app.db('verify_template_grants').delete();
    await server.app.db('sms_templates').delete();
    await Promise.all([installReferenceData(server.app), installReferenceData(server.app)]);
    const rows = await server.app.db('sms_templates').select('send_key');
    expect(rows).to.have.length(10);
    expect((await templates()).USER_LOGIN_CODE.namespaces).to.equal('app,activity,nearby');
  });
});
