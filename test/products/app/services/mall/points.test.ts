import { expect } from 'chai';
import { pointsService } from '../../../../../app/products/app/services/mall/points';
import { isUniqueViolation } from '../../../../../app/storage/db';
import { rejectionOf } from '../../../../helpers/errors';
import { startTestServer, type TestServer } from '../../../../helpers/harness';
import { expectLedgerBalanced } from '../../../../helpers/mall';
import { createTestUser } from '../../../../helpers/users';

describe('pointsService', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  const points = () => server.app.use(pointsService);

  it('grants and deducts through ledger rows carrying the reason and the admin', async () => {
    const user = await createTestUser(server);
    expect(await points().balance(user.id)).to.equal(0);
    expect(await points().grant(user.id, 500, '活动奖励', 3)).to.equal(500);
    expect(await points().deduct(user.id, 120, '违规扣除', 4)).to.equal(380);
    const rows = await server.app.db('points_ledger').where({ user_id: user.id }).orderBy('log_id').select('change', 'balance_after', 'kind', 'reason', 'admin_id', 'orderid');
    expect(rows).to.deep.equal([
      { change: 500, balance_after: 500, kind: 'grant', reason: '活动奖励', admin_id: 3, orderid: null },
      { change: -120, balance_after: 380, kind: 'deduct', reason: '违规扣除', admin_id: 4, orderid: null },
    ]);
    expect(await expectLedgerBalanced(server, user.id)).to.equal(380);
  });

  it('never goes below zero: a deduction beyond the balance is refused and writes nothing', async () => {
    const user = await createTestUser(server);
    await points().grant(user.id, 100, 'x');
    const err = await rejectionOf(points().deduct(user.id, 101, 'too much'));
    expect(err.message).to.equal('not enough points');
    expect((await rejectionOf(points().deduct((await createTestUser(server)).id, 1, 'none'))).message).to.equal('not enough points');
    expect(await server.app.db('points_ledger').where({ user_id: user.id })).to.have.length(1);
    expect(await expectLedgerBalanced(server, user.id)).to.equal(100);
    expect((await rejectionOf(points().grant(user.id, 0, 'nothing'))).message).to.match(/non-zero integer/);
  });

  it('keeps balance = ledger sum under parallel grants and deductions', async () => {
    const user = await createTestUser(server);
    await points().grant(user.id, 1000, 'start');
    const moves = Array.from({ length: 30 }, (_, i) => (i % 2 ? points().grant(user.id, 7, 'g') : points().deduct(user.id, 60, 'd')));
    const settled = await Promise.allSettled(moves);
    const deducted = settled.filter((s, i) => i % 2 === 0 && s.status === 'fulfilled').length;
    for (const [i, s] of settled.entries()) if (s.status === 'rejected') expect(i % 2, String(s.reason)).to.equal(0);
    expect(await expectLedgerBalanced(server, user.id)).to.equal(1000 + 15 * 7 - deducted * 60);
  });

  it('refunds an order at most once (UNIQUE orderid, kind)', async () => {
    const user = await createTestUser(server);
    await server.app.db.transaction((trx) => points().refundForOrder(trx, user.id, 424242, 50, '订单关闭退还'));
    const err = await rejectionOf(server.app.db.transaction((trx) => points().refundForOrder(trx, user.id, 424242, 50, '订单关闭退还')));
    expect(isUniqueViolation(err)).to.equal(true);
    expect(await expectLedgerBalanced(server, user.id)).to.equal(50);
  });
});
