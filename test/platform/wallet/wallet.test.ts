import { expect } from 'chai';
import { MAX_BALANCE_CENTS } from '../../../app/platform/wallet/money';
import { isWalletRefusal, orderRef, walletService, type WalletService } from '../../../app/platform/wallet/wallet';
import { transaction } from '../../../app/storage/db';
import { startTestServer, type TestServer } from '../../helpers/harness';
import { createTestUser } from '../../helpers/users';
import { expectWalletBalanced } from '../../helpers/wallet';

/** The shared wallet as products use it: moves inside their own transactions, each order's key once. */
describe('platform wallet service', () => {
  let server: TestServer;
  let wallet: WalletService;

  before(async () => {
    server = await startTestServer();
    wallet = server.app.use(walletService);
  });
  after(() => server.stop());

  const member = async (cents = 0) => {
    const user = await createTestUser(server);
    if (cents > 0) await wallet.credit({ userId: user.id, cents, reason: '充值' });
    return user.id;
  };
  /** A member whose balance is beyond what one credit may bring, written as the one ledger row that explains it. */
  const nearlyFull = async (roomCents: number) => {
    const userId = await member();
    const cents = MAX_BALANCE_CENTS - roomCents;
    await server.app.db('wallet_accounts').insert({ user_id: userId, balance_cents: cents, u_time: 0 });
    await server.app.db('wallet_ledger').insert({ user_id: userId, change_cents: cents, balance_after_cents: cents, reason: '', c_time: 0 });
    return userId;
  };
  const refusal = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a refusal'), (err: unknown) => err);
  const ledger = (userId: number) => server.app.db('wallet_ledger').where({ user_id: userId }).orderBy('log_id');

  it('credits and debits in cents, one ledger row each, and the ledger sums to the balance', async () => {
    const userId = await member();
    expect(await wallet.balance(userId)).to.equal(0);
    expect(await wallet.credit({ userId, cents: 1050, reason: '充值', adminId: 3 })).to.equal(1050);
    expect(await wallet.debit({ userId, cents: 1, reason: '扣一分', ref: 'test:one-cent' })).to.equal(1049);
    expect((await ledger(userId)).map((r) => [Number(r.change_cents), Number(r.balance_after_cents), r.reason, r.ref, Number(r.admin_id)])).to.deep.equal([
      [1050, 1050, '充值', null, 3],
      [-1, 1049, '扣一分', 'test:one-cent', 0],
    ]);
    expect(await expectWalletBalanced(server, userId)).to.equal(1049);
  });

  it('never debits below zero: 余额不足 (503), and nothing is written', async () => {
    const userId = await member(100);
    const err = await refusal(wallet.debit({ userId, cents: 101, reason: '超额' }));
    expect(isWalletRefusal(err, 'insufficient')).to.equal(true);
    expect(err).to.include({ code: 503, message: '余额不足' });
    expect(await ledger(userId)).to.have.length(1);
    // A member who never had a wallet has nothing to take either.
    const nobody = await member();
    expect(isWalletRefusal(await refusal(wallet.debit({ userId: nobody, cents: 1, reason: 'x' })), 'insufficient')).to.equal(true);
    expect(await wallet.debit({ userId, cents: 100, reason: '全部' })).to.equal(0);
    expect(await expectWalletBalanced(server, userId)).to.equal(0);
  });

  it('never credits past the largest balance', async () => {
    const userId = await nearlyFull(5);
    expect(isWalletRefusal(await refusal(wallet.credit({ userId, cents: 6, reason: 'x' })), 'over_limit')).to.equal(true);
    expect(await wallet.credit({ userId, cents: 5, reason: 'x' })).to.equal(MAX_BALANCE_CENTS);
    expect(await expectWalletBalanced(server, userId)).to.equal(MAX_BALANCE_CENTS);
  });

  it('an order is debited once and refunded once: a second use of its key is refused and changes nothing', async () => {
    const userId = await member(1000);
    const debit = { userId, cents: 300, reason: '购票', ref: orderRef('show', 42, 'debit') };
    expect(debit.ref).to.equal('order:show:42:debit');
    expect(await wallet.debit(debit)).to.equal(700);
    const again = await refusal(wallet.debit(debit));
    expect(isWalletRefusal(again, 'duplicate')).to.equal(true);
    expect(again).to.include({ code: 503, message: '该笔款项已经处理过' });
    const refund = { userId, cents: 300, reason: '退票', ref: orderRef('show', 42, 'refund') };
    expect(await wallet.credit(refund)).to.equal(1000);
    expect(isWalletRefusal(await refusal(wallet.credit(refund)), 'duplicate')).to.equal(true);
    expect(await ledger(userId)).to.have.length(3);
    expect(await expectWalletBalanced(server, userId)).to.equal(1000);
  });

  it("moves inside the caller's transaction: they commit and roll back with it", async () => {
    const userId = await member(500);
    await transaction(server.app.db, async (trx) => {
      await wallet.debit({ userId, cents: 200, reason: '下单', ref: orderRef('campus', 7, 'debit') }, trx);
      await trx('wallet_accounts').where({ user_id: userId }).update({ u_time: 123 });
    });
    expect(await wallet.balance(userId)).to.equal(300);
    const err = await refusal(
      transaction(server.app.db, async (trx) => {
        await wallet.debit({ userId, cents: 100, reason: '下单', ref: orderRef('campus', 8, 'debit') }, trx);
        throw new Error('the order failed after paying');
      }),
    );
    expect(err).to.have.property('message', 'the order failed after paying');
    expect(await wallet.balance(userId)).to.equal(300);
    expect(await server.app.db('wallet_ledger').where({ ref: orderRef('campus', 8, 'debit') })).to.have.length(0);
    expect(await expectWalletBalanced(server, userId)).to.equal(300);
  });

  it("a refused move leaves the caller's transaction as it was, even when the caller carries on", async () => {
    const userId = await member(500);
    await wallet.debit({ userId, cents: 100, reason: '已付', ref: 'order:campus:9:debit' });
    await transaction(server.app.db, async (trx) => {
      await wallet.debit({ userId, cents: 50, reason: '另一笔', ref: 'order:campus:10:debit' }, trx);
      // The duplicate moved the balance before its ledger insert failed: the savepoint takes that back.
      expect(isWalletRefusal(await refusal(wallet.debit({ userId, cents: 100, reason: '重复', ref: 'order:campus:9:debit' }, trx)), 'duplicate')).to.equal(true);
      expect(isWalletRefusal(await refusal(wallet.debit({ userId, cents: 10_000, reason: '太多' }, trx)), 'insufficient')).to.equal(true);
    });
    expect(await expectWalletBalanced(server, userId)).to.equal(350);
    expect(await ledger(userId)).to.have.length(3);
  });

  describe('transfer', () => {
    it('moves money from buyer to seller: two rows, <ref>:out and <ref>:in', async () => {
      const buyer = await member(1000);
      const seller = await member();
      const ref = orderRef('campus', 11, 'pay');
      expect(await wallet.transfer({ fromUserId: buyer, toUserId: seller, cents: 999, reason: '购买', toReason: '售出', ref })).to.deep.equal({ from: 1, to: 999 });
      const rows = await server.app.db('wallet_ledger').where('ref', 'like', `${ref}:%`).orderBy('log_id');
      expect(rows.map((r) => [Number(r.user_id), Number(r.change_cents), r.reason, r.ref])).to.deep.equal([
        [buyer, -999, '购买', `${ref}:out`],
        [seller, 999, '售出', `${ref}:in`],
      ]);
      expect(isWalletRefusal(await refusal(wallet.transfer({ fromUserId: buyer, toUserId: seller, cents: 1, reason: '再买', ref })), 'duplicate')).to.equal(true);
      expect([await expectWalletBalanced(server, buyer), await expectWalletBalanced(server, seller)]).to.deep.equal([1, 999]);
    });

    it('when the second side fails, neither side is written', async () => {
      const buyer = await member(1000);
      const seller = await nearlyFull(100);
      const err = await refusal(wallet.transfer({ fromUserId: buyer, toUserId: seller, cents: 101, reason: '购买', ref: 'order:campus:12:pay' }));
      expect(isWalletRefusal(err, 'over_limit')).to.equal(true);
      // And inside a caller's transaction that carries on after the refusal.
      await transaction(server.app.db, async (trx) => {
        const inner = await refusal(wallet.transfer({ fromUserId: buyer, toUserId: seller, cents: 101, reason: '购买', ref: 'order:campus:13:pay' }, trx));
        expect(isWalletRefusal(inner, 'over_limit')).to.equal(true);
      });
      expect([await expectWalletBalanced(server, buyer), await expectWalletBalanced(server, seller)]).to.deep.equal([1000, MAX_BALANCE_CENTS - 100]);
      expect(await server.app.db('wallet_ledger').whereIn('user_id', [buyer, seller])).to.have.length(2);
    });

    it('40 parallel transfers both ways between two wallets all succeed, and no money appears or vanishes', async () => {
      const [a, b] = [await member(10_000), await member(10_000)];
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          wallet.transfer({ fromUserId: i % 2 ? a : b, toUserId: i % 2 ? b : a, cents: 100 + i, reason: '互转', ref: `test:both-ways:${i}` }),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).to.deep.equal([]);
      const [ba, bb] = [await expectWalletBalanced(server, a), await expectWalletBalanced(server, b)];
      expect(ba + bb).to.equal(20_000);
      expect(ba).to.equal(10_000 + 20 * 100 + (0 + 2 + 4 + 6 + 8 + 10 + 12 + 14 + 16 + 18 + 20 + 22 + 24 + 26 + 28 + 30 + 32 + 34 + 36 + 38) - (20 * 100 + (1 + 3 + 5 + 7 + 9 + 11 + 13 + 15 + 17 + 19 + 21 + 23 + 25 + 27 + 29 + 31 + 33 + 35 + 37 + 39)));
    });

    it('refuses a buyer who cannot pay, and writes nothing for the seller', async () => {
      const buyer = await member(100);
      const seller = await member();
      expect(isWalletRefusal(await refusal(wallet.transfer({ fromUserId: buyer, toUserId: seller, cents: 101, reason: '购买', ref: 'order:campus:14:pay' })), 'insufficient')).to.equal(true);
      expect([await expectWalletBalanced(server, buyer), await expectWalletBalanced(server, seller)]).to.deep.equal([100, 0]);
    });
  });

  it('50 parallel debits of 1.00 from 10.00: exactly 10 succeed, the balance is 0 and the ledger sums to it', async () => {
    const userId = await member(1000);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => wallet.debit({ userId, cents: 100, reason: `并发 ${i}`, ref: orderRef('show', 1000 + i, 'debit') })),
    );
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(10);
    expect(refused.every((err) => isWalletRefusal(err, 'insufficient')), String(refused.find((err) => !isWalletRefusal(err)))).to.equal(true);
    expect(await expectWalletBalanced(server, userId)).to.equal(0);
  });

  it('50 parallel first credits of 50 new members all succeed', async () => {
    const ids = await Promise.all(Array.from({ length: 50 }, () => member()));
    await Promise.all(ids.map((userId) => wallet.credit({ userId, cents: 1, reason: '首充' })));
    for (const userId of ids) expect(await expectWalletBalanced(server, userId)).to.equal(1);
  });

  it('refuses malformed moves as programming errors, before touching anything', async () => {
    const userId = await member(100);
    for (const bad of [0, -1, 1.5, 100_000_001]) {
      expect(await refusal(wallet.debit({ userId, cents: bad, reason: 'x' }))).to.be.instanceOf(RangeError);
    }
    for (const ref of ['Order:1', 'a b', '', 'x'.repeat(101)]) {
      expect(await refusal(wallet.credit({ userId, cents: 1, reason: 'x', ref }))).to.be.instanceOf(RangeError);
    }
    expect(() => wallet.transfer({ fromUserId: userId, toUserId: userId, cents: 1, reason: 'x', ref: 'self' })).to.throw(RangeError);
    expect(await expectWalletBalanced(server, userId)).to.equal(100);
  });
});
