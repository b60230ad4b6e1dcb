import { expect } from 'chai';
import { orderRef, walletService } from '../../app/platform/wallet/wallet';
import { expectOk, expectRefused } from './adminMall';
import { startTestServer, type TestClient, type TestServer } from './harness';
import { expectShape } from './shape';
import { createTestUser } from './users';

/** The wallet's invariant: the balance (in cents) is the sum of the ledger and its last balance_after, never below 0. */
export async function expectWalletBalanced(server: TestServer, userId: number): Promise<number> {
  const balance = await server.app.use(walletService).balance(userId);
  const [sum] = await server.app.db('wallet_ledger').where({ user_id: userId }).sum({ total: 'change_cents' });
  expect(Number(sum?.total ?? 0), `ledger sum of user ${userId}`).to.equal(balance);
  const last = await server.app.db('wallet_ledger').where({ user_id: userId }).orderBy('log_id', 'desc').first('balance_after_cents');
  if (last) expect(Number(last.balance_after_cents)).to.equal(balance);
  expect(balance).to.be.at.least(0);
  return balance;
}

/** The example answer of wallet.log / wallet.info, for expectShape. */
export const WALLET_LOG_EXAMPLE = {
  balance: 10.5,
  list: [{ log_id: 1, change: 10.5, balance_after: 10.5, reason: '充值', ref: '', c_time: '2026-12-01 16:00:00' }],
  total: 1,
  page: 1,
  count: 20,
  isnext: false,
};

/**
 * `wallet.info` of a product namespace (show, campus): the member's own wallet in the shape of admin
 * wallet.log, only with a session issued under that namespace.
 */
export function describeWalletInfo(apiType: 'show' | 'campus'): void {
  const other = apiType === 'show' ? 'campus' : 'show';

  describe(`${apiType} wallet.info`, () => {
    let server: TestServer;
    let client: TestClient;
    let admin: TestClient;

    before(async () => {
      server = await startTestServer();
      client = await server.client(apiType);
      admin = await server.client('admin');
    });
    after(() => server.stop());

    it("answers the caller's balance and ledger in yuan, exactly as admin wallet.log shows it", async () => {
      const user = await createTestUser(server, { apiType });
      const wallet = server.app.use(walletService);
      await wallet.credit({ userId: user.id, cents: 50_000, reason: '充值' });
      await wallet.debit({ userId: user.id, cents: 1999, reason: '购买', ref: orderRef(apiType, 1, 'debit') });
      const info = expectOk(await client.call<typeof WALLET_LOG_EXAMPLE>('wallet.info', {}, { token: user.token }));
      expectShape(info, WALLET_LOG_EXAMPLE);
      expect(info).to.include({ balance: 480.01, total: 2, page: 1, isnext: false });
      expect(info.list.map((r) => [r.change, r.balance_after, r.reason, r.ref])).to.deep.equal([
        [-19.99, 480.01, '购买', `order:${apiType}:1:debit`],
        [500, 500, '充值', ''],
      ]);
      expect(expectOk(await admin.call('wallet.log', { admin_id: 1, open_id: user.openId }))).to.deep.equal(info);
      expect(expectOk(await client.call('wallet.info', { page: 2 }, { token: user.token }))).to.deep.include({ list: [], page: 2, total: 2 });
    });

    it('a member without money has an empty wallet', async () => {
      const user = await createTestUser(server, { apiType });
      expect(expectOk(await client.call('wallet.info', {}, { token: user.token }))).to.deep.equal({ balance: 0, list: [], total: 0, page: 1, count: 20, isnext: false });
    });

    it(`needs a session of ${apiType}: none → 602, one issued under ${other} → 601`, async () => {
      expect((await client.call('wallet.info', {})).code).to.equal(602);
      const elsewhere = await createTestUser(server, { apiType: other });
      expect((await client.call('wallet.info', {}, { token: elsewhere.token })).code).to.equal(601);
    });

    it('refuses a bad page', async () => {
      const user = await createTestUser(server, { apiType });
      expectRefused(await client.call('wallet.info', { page: 0 }, { token: user.token }), /page/);
    });
  });
}
