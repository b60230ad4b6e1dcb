import { expect } from 'chai';
import { AppContext } from '../../../../app/context';
import { seedDemoData } from '../../../../app/platform/demo';
import { ApiClient } from '../../../../app/sdk/client';
import { API_TYPES } from '../../../../app/platform/gateway/appAuth';
import { startTestServer, type TestServer } from '../../../helpers/harness';

const count = async (server: TestServer, table: string): Promise<number> => Number((await server.app.db(table).count({ n: '*' }))[0].n);

/**
 * The first start with demo data on: every product's demo modules in order, then real calls. An appid
 * made with the CLI before that start (here: the test client) does not stop it.
 */
describe('demo data on first start', () => {
  let server: TestServer;
  let app: ApiClient;
  let token: string;

  before(async () => {
    server = await startTestServer();
    await server.client('app');
    const created = await seedDemoData(server.app);
    expect(created.map((a) => a.api_type)).to.deep.equal([...API_TYPES]);
    const appid = created.find((a) => a.api_type === 'app')!;
    app = new ApiClient({ url: server.url, appid: appid.appid, secret: appid.secret, platform: 1, now: () => Math.floor(server.clock.now() / 1000) });
    const login = await app.call<{ token: string }>('user.login', { mobile: '13800138000', login_type: 2, password: 'demo1234' });
    expect(login.code, login.msg).to.equal(200);
    token = login.data!.token;
  });
  after(() => server.stop());

  it('records a marker per product, and a second start creates nothing and duplicates nothing', async () => {
    expect((await server.app.db('demo_seeds').select('product')).map((r) => r.product)).to.include.members(['account', 'app', 'nearby']);
    const tables = ['users', 'user_addresses', 'goods', 'news', 'api_auth'];
    const before = await Promise.all(tables.map((t) => count(server, t)));
    expect(await seedDemoData(server.app)).to.deep.equal([]);
    expect(await Promise.all(tables.map((t) => count(server, t)))).to.deep.equal(before);
  });

  it('never writes demo data in production, whatever the marker says', async () => {
    const production = new AppContext({ ...server.config, env: 'production' }, server.app.db, server.app.kv, server.clock, server.app.logger);
    await server.app.db('demo_seeds').del();
    try {
      const users = await count(server, 'users');
      expect(await seedDemoData(production)).to.deep.equal([]);
      expect(await count(server, 'users')).to.equal(users);
      expect(await count(server, 'demo_seeds')).to.equal(0);
    } finally {
      await server.app.db('demo_seeds').insert({ product: 'app', c_time: 0 });
    }
  });

  it('the demo member has 20000 points, equal to the sum of the ledger', async () => {
    const answer = await app.call<{ points: number }>('user.points', {}, { token });
    expect(answer.data!.points).to.equal(20_000);
    const [{ sum }] = await server.app.db('points_ledger').where({ user_id: (await server.app.db('users').where({ mobile: '13800138000' }).first('id')).id }).sum({ sum: 'change' });
    expect(Number(sum)).to.equal(20_000);
  });

  for (const [method, params, key] of [
    ['goods.list', {}, 'list'],
    ['news.list', {}, 'list'],
    ['notice.list', {}, 'list'],
    ['system.link', {}, 'list'],
    ['system.ads', { code: 'app_home' }, 'list'],
    ['system.home', {}, 'ads'],
    ['message.list', {}, 'list'],
    ['order.list', {}, 'list'],
    ['user.address.list', {}, 'list'],
  ] as const) {
    it(`${method} answers a non-empty ${key}`, async () => {
      const answer = await app.call<Record<string, unknown[]>>(method, params, { token });
      expect(answer.code, answer.msg).to.equal(200);
      expect(answer.data![key]).to.be.an('array').that.is.not.empty;
    });
  }

  it('system.category.list answers a tree for news', async () => {
    const answer = await app.call<Record<string, unknown>>('system.category.list', { cat_type: 1 });
    expect(Object.keys(answer.data!)).to.not.be.empty;
  });
});
