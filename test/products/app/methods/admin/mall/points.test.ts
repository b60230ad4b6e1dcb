import { expect } from 'chai';
import { ADMIN_ID, expectOk, expectRefused } from '../../../../../helpers/adminMall';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectLedgerBalanced } from '../../../../../helpers/mall';
import { expectShape } from '../../../../../helpers/shape';
import { createTestUser, type TestUser } from '../../../../../helpers/users';

const LOG_EXAMPLE = {
  points: 100,
  list: [{ log_id: 1, change: 100, balance: 100, reason: '活动奖励', orderid: 0, c_time: '2020-03-14 23:45:06' }],
  total: 1,
  page: 1,
  count: 20,
  isnext: false,
};

/** Admin points.grant / points.deduct / points.log: every move one ledger row, the balance never below 0. */
describe('admin points.grant / points.deduct / points.log', () => {
  let server: TestServer;
  let admin: TestClient;
  let app: TestClient;

  const ledger = (userId: number) => server.app.db('points_ledger').where({ user_id: userId }).orderBy('log_id');
  const move = (method: 'points.grant' | 'points.deduct', params: Record<string, unknown>) =>
    admin.call<{ points: number }>(method, { admin_id: ADMIN_ID, reason: '测试', ...params });

  before(async () => {
    server = await startTestServer();
    admin = await server.client('admin');
    app = await server.client('app');
  });
  after(() => server.stop());

  it('grants by mobile and deducts by open_id, one ledger row each with the reason and the admin', async () => {
    const user = await createTestUser(server);
    expect(expectOk(await move('points.grant', { mobile: user.mobile, points: 500, reason: '活动奖励' }))).to.deep.equal({ points: 500 });
    expect(expectOk(await move('points.deduct', { open_id: user.openId, points: 120, reason: '违规扣除' }))).to.deep.equal({ points: 380 });
    const rows = await ledger(user.id);
    expect(rows.map((r) => [Number(r.change), Number(r.balance_after), r.kind, r.reason, Number(r.admin_id), r.orderid])).to.deep.equal([
      [500, 500, 'grant', '活动奖励', ADMIN_ID, null],
      [-120, 380, 'deduct', '违规扣除', ADMIN_ID, null],
    ]);
    expect(await expectLedgerBalanced(server, user.id)).to.equal(380);
  });

  it('refuses a deduction beyond the balance and leaves balance and ledger unchanged', async () => {
    const user = await createTestUser(server);
    expectOk(await move('points.grant', { open_id: user.openId, points: 100 }));
    expectRefused(await move('points.deduct', { open_id: user.openId, points: 101 }), /not enough points/);
    expect(await ledger(user.id)).to.have.length(1);
    expect(await expectLedgerBalanced(server, user.id)).to.equal(100);
    // A member with no account at all has nothing to deduct either.
    const fresh = await createTestUser(server);
    expectRefused(await move('points.deduct', { mobile: fresh.mobile, points: 1 }), /not enough points/);
    expect(await ledger(fresh.id)).to.have.length(0);
    expect(expectOk(await move('points.deduct', { mobile: user.mobile, points: 100 }))).to.deep.equal({ points: 0 });
    expect(await expectLedgerBalanced(server, user.id)).to.equal(0);
  });

  it('concurrent deductions never take the balance below zero', async () => {
    const user = await createTestUser(server);
    expectOk(await move('points.grant', { mobile: user.mobile, points: 50 }));
    const answers = await Promise.all(Array.from({ length: 8 }, () => move('points.deduct', { mobile: user.mobile, points: 10 })));
    expect(answers.filter((a) => a.code === 200)).to.have.length(5);
    expect(await expectLedgerBalanced(server, user.id)).to.equal(0);
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
      ['points 0', { points: 0 }, /points/],
      ['points over 10^7', { points: 10_000_001 }, /points/],
      ['an empty reason', { reason: '' }, /reason/],
      ['a 101-character reason', { reason: '因'.repeat(101) }, /reason/],
      ['no admin_id', { admin_id: undefined }, /admin_id/],
      ['a malformed open_id', { open_id: 'xyz' }, /open_id/],
    ];
    for (const [what, params, pattern] of cases) {
      it(`points.grant refuses ${what}`, async () => {
        const named = 'mobile' in params || 'open_id' in params || Object.keys(params).length === 0 ? {} : { mobile: user.mobile };
        expectRefused(await move('points.grant', { points: 10, ...named, ...params }), pattern);
        expect(await ledger(user.id)).to.have.length(0);
      });
    }

    it('open_id and mobile of two different members name nobody', async () => {
      const other = await createTestUser(server);
      expectRefused(await move('points.grant', { open_id: user.openId, mobile: other.mobile, points: 10 }), /user not found/);
      expect(expectOk(await move('points.grant', { open_id: user.openId, mobile: user.mobile, points: 10 }))).to.deep.equal({ points: 10 });
    });
  });

  it('points.log answers the balance and the ledger newest first, as the member\'s user.points does', async () => {
    const user = await createTestUser(server);
    for (const [method, points, reason] of [['points.grant', 300, '签到'], ['points.deduct', 50, '兑换失误'], ['points.grant', 20, '补偿']] as const) {
      expectOk(await move(method, { mobile: user.mobile, points, reason }));
    }
    const log = expectOk(await admin.call<typeof LOG_EXAMPLE>('points.log', { open_id: user.openId }));
    expectShape(log, LOG_EXAMPLE);
    expect(log).to.include({ points: 270, total: 3, page: 1, isnext: false });
    expect(log.list.map((r) => [r.change, r.balance, r.reason])).to.deep.equal([[20, 270, '补偿'], [-50, 250, '兑换失误'], [300, 300, '签到']]);
    expect(expectOk(await app.call('user.points', {}, { token: user.token }))).to.deep.equal(log);
    expect(expectOk(await admin.call('points.log', { mobile: user.mobile, page: 2 }))).to.deep.include({ points: 270, list: [], page: 2 });

    const nobody = await createTestUser(server);
    expect(expectOk(await admin.call('points.log', { mobile: nobody.mobile }))).to.deep.include({ points: 0, list: [], total: 0 });
    expectRefused(await admin.call('points.log', { mobile: '13000000000' }), /user not found/);
    expectRefused(await admin.call('points.log', {}), /open_id or mobile/);
  });
});
