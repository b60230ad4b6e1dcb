import { expect } from 'chai';
import { seedDemoData } from '../../../app/platform/demo';
import { PasswordHasher, passwordHasher } from '../../../app/platform/identity/passwords';
import { DEMO_ACCOUNT } from '../../../app/products/account/demo/010_account';
import { ApiClient, type ApiAnswer } from '../../../app/sdk/client';
import { TEST_SCRYPT_N } from '../../helpers/accounts';
import { startTestServer, type TestServer } from '../../helpers/harness';

function ok<T>(answer: ApiAnswer<T>): T {
  expect(answer.code, answer.msg).to.equal(200);
  return answer.data as T;
}

describe('account: demo data (catalogue "Demo seed") through the demo appid', () => {
  let server: TestServer;
  let account: ApiClient;
  let token: string;

  before(async () => {
    server = await startTestServer();
    server.app.provide(passwordHasher, new PasswordHasher({ N: TEST_SCRYPT_N }));
    const created = await seedDemoData(server.app);
    const appid = created.find((a) => a.api_type === 'account')!;
    expect(appid.appid).to.equal('demo_account');
    account = new ApiClient({ url: server.url, appid: appid.appid, secret: appid.secret, platform: 2, now: () => Math.floor(server.clock.now() / 1000) });
    token = ok(await account.call<{ access_token: string }>('auth.access_token', { account: DEMO_ACCOUNT.phone, password: DEMO_ACCOUNT.password })).access_token;
  });
  after(() => server.stop());

  const call = <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}) => account.call<T>(method, params, { token });

  it('the documented logins work (phone and e-mail); the inactive account is refused', async () => {
    ok(await account.call('auth.access_token', { account: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password }));
    expect((await account.call('auth.access_token', { account: '13600136002', password: DEMO_ACCOUNT.password })).code).to.equal(503);
    expect(Number((await server.app.db('account_members').count({ n: '*' }))[0].n)).to.equal(5);
  });

  it('message.count with push_ids [] answers non-zero counts: 4 visible pushes, 1 unread reply', async () => {
    expect(ok(await call('message.count', { push_ids: [] }))).to.deep.equal({ push_count: 4, feedback_count: 1 });
  });

  it('8 FAQs (one global), 3 categories, 6 feedbacks, 2 devices (android on, ios off), 4 pushes in the history', async () => {
    expect(ok(await call('faq.list')).total).to.equal(8);
    expect(ok(await call('feedback_category.list')).total).to.equal(3);
    expect(ok(await call('feedback.list')).total).to.equal(6);
    expect(ok(await call('push.switch', { client_id: 'demo-android-0001' }))).to.include({ client_type: 'android', switch: true });
    expect(ok(await call('push.switch', { client_id: 'demo-ios-0001' }))).to.include({ client_type: 'ios', switch: false });
    const history = ok<{ total: number; data: Array<{ push_scope: number }> }>(await call('push.log.list'));
    expect(history.total).to.equal(4);
    expect(history.data.filter((p) => p.push_scope === 1)).to.have.length(1);
  });
});
