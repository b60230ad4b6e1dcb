import { expect } from 'chai';
import { ADMIN_ID, expectOk, expectRefused } from '../../../../helpers/adminMall';
import { startTestServer, type TestClient, type TestServer } from '../../../../helpers/harness';
import { expectShape } from '../../../../helpers/shape';
import { createTestUser, type TestUser } from '../../../../helpers/users';
import { expectWalletBalanced, WALLET_LOG_EXAMPLE } from '../../../../helpers/wallet';

/** Admin wallet.credit / wallet.debit / wallet.log: yuan on the wire, cents in the ledger, never below zero. */
describe('admin wallet.credit / wallet.debit / wallet.log', () => {
  let server: TestServer;
  let admin: TestClient;

  const ledger = (userId: number) => server.app.db('wallet_ledger').where({ user_id: userId }).orderBy('log_id');
  const move = (method: 'wallet.credit' | 'wallet.debit', params: Record<string, unknown>) =>
    admin.call<{ balance: number }>(method, { admin_id: ADMIN_ID, reason: '测试', ...params });

  before(async () => {
    server = await startTestServer();
    admin = await server.client('admin');
  });
  after(() => server.stop());

  it('credits by mobile and debits by open_id in yuan; the ledger holds cents, the reason and the admin', async () => {
    const user = await createTestUser(server);
    expect(expectOk(await move('wallet.credit', { mobile: user.mobile, amount: 19.99, reason: '充值' }))).to.deep.equal({ balance: 19.99 });
    expect(expectOk(await move('wallet.debit', { open_id: user.openId, amount: '0.99', reason: '手续费' }))).to.deep.equal({ balance: 19 });
    const rows = await ledger(user.id);
    expect(rows.map((r) => [Number(r.change_cents), Number(r.balance_after_cents), r.reason, r.ref, Number(r.admin_id)])).to.deep.equal([
      [1999, 1999, '充值', null, ADMIN_ID],
      [-99, 1900, '手续费', null, ADMIN_ID],
    ]);
    expect(await expectWalletBalanced(server, user.id)).to.equal(1900);
  });

  it('refuses a debit beyond the balance with 余额不足 and changes nothing', async () => {
    const user = await createTestUser(server);
    expectOk(await move('wallet.credit', { mobile: user.mobile, amount: 1 }));
    expectRefused(await move('wallet.debit', { mobile: user.mobile, amount: 1.01 }), /余额不足/);
    expect(await ledger(user.id)).to.have.length(1);
    const fresh = await createTestUser(server);
    expectRefused(await move('wallet.debit', { mobile: fresh.mobile, amount: 0.01 }), /余额不足/);
    expect(await ledger(fresh.id)).to.have.length(0);
    expect(await expectWalletBalanced(server, user.id)).to.equal(100);
  });

  it('50 parallel debits of 1.00 from 10.00: exactly 10 succeed, the rest answer 余额不足, the balance ends at 0', async () => {
    const user = await createTestUser(server);
    expectOk(await move('wallet.credit', { mobile: user.mobile, amount: 10 }));
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => move('wallet.debit', { mobile: user.mobile, amount: 1, reason: `并发扣款 ${i}` })));
    expect(answers.filter((a) => a.code === 200)).to.have.length(10);
    expect(answers.filter((a) => a.code !== 200).map((a) => `${a.code} ${a.msg}`)).to.deep.equal(Array(40).fill('503 余额不足'));
    expect(answers.filter((a) => a.code === 200).map((a) => a.data!.balance).sort((a, b) => a - b)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await expectWalletBalanced(server, user.id)).to.equal(0);
    expect(await ledger(user.id)).to.have.length(11);
  });

  describe('refusals', () => {
    let user: TestUser;
    before(async () => {
      user = await createTestUser(server);
    });
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['an unknown mobile', { mobile: '13000000000' }, /user not found/],
      ['an unknown open_id', { open_id: 'f'.repeat(32) }, /user not found/],
      ['no member at all', {}, /open_id or mobile/],
      ['amount 0', { amount: 0 }, /amount/],
      ['a negative amount', { amount: -5 }, /amount/],
      ['three decimals', { amount: 1.005 }, /"amount" must be a yuan amount with at most two decimals/],
      ['over a million yuan', { amount: 1_000_000.01 }, /amount/],
      ['no amount', { amount: undefined }, /amount/],
      ['an empty reason', { reason: ' ' }, /reason/],
      ['a 101-character reason', { reason: '因'.repeat(101) }, /reason/],
      ['no admin_id', { admin_id: undefined }, /admin_id/],
      ['a malformed open_id', { open_id: 'xyz' }, /open_id/],
    ];
    for (const method of ['wallet.credit', 'wallet.debit'] as const) {
      for (const [what, params, pattern] of cases) {
        it(`${method} refuses ${what}`, async () => {
          const named = 'mobile' in params || 'open_id' in params || Object.keys(params).length === 0 ? {} : { mobile: user.mobile };
          expectRefused(await move(method, { amount: 1, ...named, ...params }), pattern);
          expect(await ledger(user.id)).to.have.length(0);
        });
      }
    }

    it('open_id and mobile of two different members name nobody', async () => {
      const other = await createTestUser(server);
      expectRefused(await move('wallet.credit', { open_id: user.openId, mobile: other.mobile, amount: 1 }), /user not found/);
      expect(await ledger(other.id)).to.have.length(0);
    });

    it('only admin appids can call them', async () => {
      const app = await server.client('app');
      expect((await app.call('wallet.credit', { admin_id: ADMIN_ID, mobile: user.mobile, amount: 1, reason: 'x' })).code).to.equal(509);
    });
  });

  it('wallet.log answers the balance and the ledger in yuan, newest first, paged', async () => {
    const user = await createTestUser(server);
    for (const [method, amount, reason] of [['wallet.credit', 300.5, '充值'], ['wallet.debit', 0.5, '服务费'], ['wallet.credit', 20, '补偿']] as const) {
      expectOk(await move(method, { mobile: user.mobile, amount, reason }));
    }
    const log = expectOk(await admin.call<typeof WALLET_LOG_EXAMPLE>('wallet.log', { open_id: user.openId }));
    expectShape(log, WALLET_LOG_EXAMPLE);
    expect(log).to.include({ balance: 320, total: 3, page: 1, count: 20, isnext: false });
    expect(log.list.map((r) => [r.change, r.balance_after, r.reason, r.ref])).to.deep.equal([[20, 320, '补偿', ''], [-0.5, 300, '服务费', ''], [300.5, 300.5, '充值', '']]);
    expect(log.list[0].c_time).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(expectOk(await admin.call('wallet.log', { mobile: user.mobile, page: 2 }))).to.deep.include({ balance: 320, list: [], page: 2, total: 3 });

    const nobody = await createTestUser(server);
    expect(expectOk(await admin.call('wallet.log', { mobile: nobody.mobile }))).to.deep.include({ balance: 0, list: [], total: 0 });
    expectRefused(await admin.call('wallet.log', { mobile: '13000000000' }), /user not found/);
    expectRefused(await admin.call('wallet.log', {}), /open_id or mobile/);
    expectRefused(await admin.call('wallet.log', { mobile: user.mobile, page: 0 }), /page/);
  });

  it('wallet.log pages by the configured page size', async () => {
    const user = await createTestUser(server);
    for (let i = 0; i < 21; i++) expectOk(await move('wallet.credit', { mobile: user.mobile, amount: 0.01, reason: `第${i}笔` }));
    const first = expectOk(await admin.call<typeof WALLET_LOG_EXAMPLE>('wallet.log', { mobile: user.mobile }));
    expect(first).to.include({ balance: 0.21, total: 21, isnext: true });
    expect(first.list).to.have.length(20);
    expect(first.list[0]).to.include({ reason: '第20笔', balance_after: 0.21 });
    const second = expectOk(await admin.call<typeof WALLET_LOG_EXAMPLE>('wallet.log', { mobile: user.mobile, page: 2 }));
    expect(second).to.include({ isnext: false });
    expect(second.list.map((r) => [r.reason, r.balance_after])).to.deep.equal([['第0笔', 0.01]]);
  });
});
