import { expect } from 'chai';
import { pointsService } from '../../../../../../app/products/app/services/mall/points';
import type { SeededMall } from '../../../../../../app/products/app/demo/030_mall';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { type Buyer, createBuyer, expectLedgerBalanced, startMall } from '../../../../../helpers/mall';
import { expectShape } from '../../../../../helpers/shape';

const EXAMPLE = {
  points: 20000,
  list: [{ log_id: 1, change: -399, balance: 19601, reason: '积分兑换商品', orderid: 1, c_time: '2020-03-14 23:45:06' }],
  total: 1,
  page: 1,
  count: 20,
  isnext: false,
};

interface Points {
  points: number;
  list: Array<{ log_id: number; change: number; balance: number; reason: string; orderid: number }>;
  total: number;
  isnext: boolean;
}

describe('user.points', () => {
  let server: TestServer, client: TestClient, mall: SeededMall, demo: Buyer;
  before(async () => ({ server, client, mall, demo } = await startMall({ paging: { pageSize: 3 } })));
  after(() => server.stop());

  const points = async (user: Buyer, page = 1) => {
    const answer = await client.call<Points>('user.points', { page }, { token: user.token });
    expect(answer.code, answer.msg).to.equal(200);
    return answer.data!;
  };

  it("answers the demo member's balance and ledger, newest first, with Chinese reasons", async () => {
    const balance = await expectLedgerBalanced(server, demo.id);
    // 20000 granted; keyboard 399, 2 mice 320, 3 notebooks 150 and a mug 200 (cancelled, refunded);
    // then the seed tops the balance back up to 20000 (869).
    expect(balance).to.equal(20_000);
    const first = await points(demo);
    expectShape(first, { ...EXAMPLE, list: [EXAMPLE.list[0]] });
    expect(first).to.include({ points: balance, total: 7, page: 1, count: 3, isnext: true });
    const second = await points(demo, 2);
    expect(second.isnext).to.equal(true);
    const third = await points(demo, 3);
    expect(third.isnext).to.equal(false);
    const rows = [...first.list, ...second.list, ...third.list];
    expect(rows.map((r) => r.change)).to.deep.equal([399 + 320 + 150, 200, -200, -150, -320, -399, 20_000]);
    expect(rows.map((r) => r.reason)).to.deep.equal(['活动奖励', '订单取消退还', '积分兑换商品', '积分兑换商品', '积分兑换商品', '积分兑换商品', '新用户注册赠送']);
    expect(rows[0]).to.include({ orderid: 0, balance });
    expect(rows[1]).to.include({ orderid: mall.orders!.cancelled });
    expect(rows[6].orderid).to.equal(0);
    for (let i = 0; i + 1 < rows.length; i++) expect(rows[i].balance - rows[i].change).to.equal(rows[i + 1].balance);
  });

  it('answers 0 and an empty list for a member without points, and needs a user', async () => {
    const buyer = await createBuyer(server, 0);
    expect(await points(buyer)).to.deep.equal({ points: 0, list: [], total: 0, page: 1, count: 3, isnext: false });
    expect((await client.call('user.points', {})).code).to.equal(602);
  });

  it('shows an admin grant with its reason', async () => {
    const buyer = await createBuyer(server, 0);
    await server.app.use(pointsService).grant(buyer.id, 88, '活动奖励', 7);
    const data = await points(buyer);
    expect(data.points).to.equal(88);
    expect(data.list[0]).to.include({ change: 88, balance: 88, reason: '活动奖励', orderid: 0 });
  });
});
