import { expect } from 'chai';
import { DEMO_USER, DISTRICT, seed } from '../../../../app/products/app/demo/011_accounts';
import { type Auth, startAccountServer } from '../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../helpers/harness';

describe('demo seed 011_accounts', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    ({ server, client } = await startAccountServer());
    await seed(server.app);
  });
  after(() => server.stop());

  it('every well-known district code names a live row of the installed tree', async () => {
    const rows = await server.app.db('districts').whereIn('districtid', Object.values(DISTRICT)).where({ status: 1 });
    expect(rows.map((r) => r.districtid).sort()).to.deep.equal(Object.values(DISTRICT).sort());
  });

  it('the demo user logs in with demo1234 and has two addresses with region names', async () => {
    const login = await client.call<Auth>('user.login', { mobile: DEMO_USER.mobile, login_type: 2, password: DEMO_USER.password });
    expect(login.code).to.equal(200);
    expect(login.data!.nickname).to.equal('138****8000');
    const list = await client.call<{ list: Array<{ is_default: number; province_name: string; street_name: string }> }>('user.address.list', {}, { token: login.data!.token });
    expect(list.data!.list).to.have.length(2);
    expect(list.data!.list[0]).to.include({ is_default: 1, province_name: '广东省', street_name: '粤海街道' });
  });

  it('another active user and a disabled one', async () => {
    expect((await client.call('user.login', { mobile: '13800138001', login_type: 2, password: DEMO_USER.password })).code).to.equal(200);
    expect((await client.call('user.login', { mobile: '13800138002', login_type: 2, password: DEMO_USER.password })).code).to.equal(503);
  });
});
