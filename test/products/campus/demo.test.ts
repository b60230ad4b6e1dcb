import { expect } from 'chai';
import { seedDemoData } from '../../../app/platform/demo';
import { CAMPUS_DEMO_POOR_STUDENT, CAMPUS_DEMO_STUDENT } from '../../../app/products/campus/demo/010_campus';
import { walletService } from '../../../app/platform/wallet/wallet';
import { startTestServer, type TestServer } from '../../helpers/harness';
import { expectWalletBalanced } from '../../helpers/wallet';

describe('campus demo data', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await seedDemoData(server.app);
  });
  after(() => server.stop());

  const count = async (table: string, where: Record<string, unknown> = {}) => Number((await server.app.db(table).where(where).count({ n: '*' }))[0].n);

  it('as the catalogue\'s Demo seed: the documented student logs in with 500.00, and the rows are there', async () => {
    const campus = await server.client('campus');
    const login = await campus.call<{ token: string; user_id: number }>('user.login', CAMPUS_DEMO_STUDENT);
    expect(login.code, login.msg).to.equal(200);
    const { user_id: student } = login.data!;
    expect(await server.app.use(walletService).balance(student)).to.equal(50_000);
    await expectWalletBalanced(server, student);
    const poor = await campus.call<{ user_id: number }>('user.login', CAMPUS_DEMO_POOR_STUDENT);
    expect(await server.app.use(walletService).balance(poor.data!.user_id)).to.equal(100);
    expect(await count('campus_properties')).to.equal(20);
    expect(await count('campus_properties', { type: 1 })).to.be.greaterThan(0);
    expect(await count('campus_properties', { state: 1 })).to.be.greaterThan(0);
    expect(await count('campus_shops')).to.equal(4);
    expect(await count('campus_shops', { user_id: student })).to.equal(2);
    expect(await count('campus_products')).to.equal(25);
    expect(await count('campus_products', { product_status: 2 })).to.equal(1);
    expect(await count('campus_purchases', { user_id: student })).to.equal(10);
    for (const state of ['paying', 'paid', 'cancelled']) expect(await count('campus_purchases', { purchase_state: state })).to.be.greaterThan(0);
    const list = await campus.call<{ total: number }>('purchase.list', {}, { token: login.data!.token });
    expect(list.data!.total).to.equal(10);
    const shop = await campus.call<{ pic_url: string }>('shop.info', { shop_name: '小码三秃' }, { token: login.data!.token });
    expect((await fetch(`${server.url}${new URL(shop.data!.pic_url).pathname}`)).status).to.equal(200);
  });
});
