import { expect } from 'chai';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { ADMIN_ID, expectOk, expectRefused } from '../../../../../helpers/adminMall';
import { balanceOf, createBuyer, expectLedgerBalanced, prepareMall, stockOf, submitOrder, type Buyer } from '../../../../../helpers/mall';
import type { SeededMall } from '../../../../../../app/products/app/demo/030_mall';

/** What the back office adds to the app's Order shape (whose seed shape the app's order tests check). */
const STAFF_KEYS = ['user', 'express_name', 'express_sn', 'close_reason'];

interface AdminOrder {
  orderid: number;
  order_status: number;
  order_status_label: string;
  shipping_time: string | null;
  closed_time: string | null;
  express_name: string;
  express_sn: string;
  close_reason: string;
  user: { open_id: string; mobile: string };
}

describe('admin order.list / order.detail / order.ship / order.close', () => {
  let server: TestServer;
  let admin: TestClient;
  let app: TestClient;
  let mall: SeededMall;
  let demo: Buyer;
  let orders: NonNullable<SeededMall['orders']>;

  const orderRow = (orderid: number) => server.app.db('orders').where({ orderid }).first();
  const goodsBuyCount = async (goodsid: number) => Number((await server.app.db('goods').where({ goodsid }).first('buy_count')).buy_count);
  const place = async (buyer: Buyer, productid: number, quantity = 1) => expectOk(await submitOrder(app, buyer, productid, quantity)).orderid;
  const list = async (params: Record<string, unknown>) =>
    expectOk(await admin.call<{ list: AdminOrder[]; total: number; page: number; count: number; isnext: boolean }>('order.list', params));

  /** The admin view is the member's own view of the order plus the staff keys. */
  const expectAppShapePlusStaff = async (order: AdminOrder) => {
    const owner = order.user.mobile === demo.mobile ? demo : members.get(order.user.open_id)!;
    const own = expectOk(await app.call<Record<string, unknown>>('order.detail', { orderid: order.orderid }, { token: owner.token }));
    const staff = Object.fromEntries(STAFF_KEYS.map((key) => [key, (order as unknown as Record<string, unknown>)[key]]));
    expect(order).to.deep.equal({ ...own, ...staff });
    expect(order.user).to.have.all.keys('open_id', 'mobile');
    expect(order.express_name).to.be.a('string');
  };
  const members = new Map<string, Buyer>();

  before(async () => {
    server = await startTestServer();
    admin = await server.client('admin');
    app = await server.client('app');
    ({ mall, demo } = await prepareMall(server));
    orders = mall.orders!;
  });
  after(() => server.stop());

  describe('order.list and order.detail', () => {
    let other: Buyer;
    let otherOrder: number;
    before(async () => {
      other = await createBuyer(server, 1000);
      members.set(other.openId, other);
      otherOrder = await place(other, mall.products['note-a5'], 2);
    });

    it('lists every member\'s orders, newest first, each in the seed shape with its member', async () => {
      const page = await list({});
      expect(page).to.include({ total: 5, page: 1, count: server.config.paging.pageSize, isnext: false });
      expect(page.list.map((o) => o.orderid)).to.deep.equal([otherOrder, orders.cancelled, orders.done, orders.shipped, orders.toShip]);
      for (const order of page.list) await expectAppShapePlusStaff(order);
      expect(page.list[0].user).to.deep.equal({ open_id: other.openId, mobile: other.mobile });
      expect(page.list.find((o) => o.orderid === orders.shipped)).to.include({ express_name: '顺丰速运', express_sn: 'SF1000000001', order_status_label: '已发货' });
    });

    it('filters by member (mobile or open_id), status and order number', async () => {
      expect((await list({ mobile: demo.mobile })).list.map((o) => o.orderid)).to.deep.equal([orders.cancelled, orders.done, orders.shipped, orders.toShip]);
      expect((await list({ open_id: other.openId })).list.map((o) => o.orderid)).to.deep.equal([otherOrder]);
      expect((await list({ open_id: other.openId, mobile: demo.mobile })).total).to.equal(0);
      expect(await list({ mobile: '13000000000' })).to.include({ total: 0, isnext: false });
      expect((await list({ order_status: 4 })).list.map((o) => o.orderid)).to.deep.equal([orders.cancelled]);
      const sn = (await orderRow(orders.done)).order_sn;
      expect((await list({ order_sn: sn })).list.map((o) => o.orderid)).to.deep.equal([orders.done]);
      expect((await list({ start_time: '2000-01-01', end_time: '2000-01-02' })).total).to.equal(0);
      expectRefused(await admin.call('order.list', { start_time: 'yesterday' }), /start_time/);
      expectRefused(await admin.call('order.list', { mobile: '123' }), /mobile/);
      expectRefused(await admin.call('order.list', { order_status: 9 }), /order_status/);
    });

    it('order.detail answers any member\'s order with its member; 503 when there is none', async () => {
      const order = expectOk(await admin.call<AdminOrder>('order.detail', { orderid: otherOrder }));
      await expectAppShapePlusStaff(order);
      expect(order).to.include({ orderid: otherOrder, order_status: 1, order_status_label: '待发货' });
      expect(order.user).to.deep.equal({ open_id: other.openId, mobile: other.mobile });
      expectRefused(await admin.call('order.detail', { orderid: 999_999 }), /order not found/);
    });
  });

  describe('order.ship', () => {
    it('ships an order waiting for shipping: status 2, shipping_time and express; the member sees it', async () => {
      const buyer = await createBuyer(server, 1000);
      const orderid = await place(buyer, mall.products['note-a5']);
      const at = Math.floor(server.clock.now() / 1000);
      expectOk(await admin.call('order.ship', { admin_id: ADMIN_ID, orderid, express_name: '顺丰速运', express_sn: 'SF123' }));
      const row = await orderRow(orderid);
      expect(row).to.include({ order_status: 2, express_name: '顺丰速运', express_sn: 'SF123' });
      expect(Number(row.shipping_time)).to.be.within(at, at + 5);
      const seen = expectOk(await app.call<AdminOrder>('order.detail', { orderid }, { token: buyer.token }));
      expect(seen).to.include({ order_status: 2, order_status_label: '已发货' });
      expect(seen.shipping_time).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      // Shipped once: a second ship is a wrong status, and the time stays.
      expectRefused(await admin.call('order.ship', { admin_id: ADMIN_ID, orderid }), /waiting for shipping/);
      expect(Number((await orderRow(orderid)).shipping_time)).to.equal(Number(row.shipping_time));
    });

    it('express fields are optional', async () => {
      const buyer = await createBuyer(server, 1000);
      const orderid = await place(buyer, mall.products['note-a5']);
      expectOk(await admin.call('order.ship', { admin_id: ADMIN_ID, orderid }));
      expect(await orderRow(orderid)).to.include({ order_status: 2, express_name: '', express_sn: '' });
    });

    it('refuses done, cancelled and unknown orders, and a call without admin_id', async () => {
      expectRefused(await admin.call('order.ship', { admin_id: ADMIN_ID, orderid: orders.done }), /waiting for shipping/);
      expectRefused(await admin.call('order.ship', { admin_id: ADMIN_ID, orderid: orders.cancelled }), /waiting for shipping/);
      expectRefused(await admin.call('order.ship', { admin_id: ADMIN_ID, orderid: 999_999 }), /order not found/);
      expectRefused(await admin.call('order.ship', { orderid: orders.toShip }), /admin_id/);
      expect(Number((await orderRow(orders.done)).order_status)).to.equal(3);
    });
  });

  describe('order.close', () => {
    it('closes an order waiting for shipping and gives back stock, points and buy_count exactly once', async () => {
      const productid = mall.products['mug-350'];
      const buyer = await createBuyer(server, 1000);
      const [stock, sold] = [await stockOf(server, productid), await goodsBuyCount(mall.goods.mug)];
      const orderid = await place(buyer, productid, 2);
      expect(await stockOf(server, productid)).to.equal(stock - 2);
      expect(await balanceOf(server, buyer.id)).to.equal(600);

      expectOk(await admin.call('order.close', { admin_id: ADMIN_ID, orderid, reason: '缺货' }));
      const row = await orderRow(orderid);
      expect(row).to.include({ order_status: 5, close_reason: '缺货' });
      expect(Number(row.closed_time)).to.be.greaterThan(0);
      expect(await stockOf(server, productid)).to.equal(stock);
      expect(await goodsBuyCount(mall.goods.mug)).to.equal(sold);
      expect(await expectLedgerBalanced(server, buyer.id)).to.equal(1000);
      const refund = await server.app.db('points_ledger').where({ orderid, kind: 'refund' });
      expect(refund).to.have.length(1);
      expect(refund[0]).to.include({ change: 400, admin_id: ADMIN_ID });

      const detail = expectOk(await admin.call<AdminOrder>('order.detail', { orderid }));
      expect(detail).to.include({ order_status: 5, order_status_label: '已关闭', close_reason: '缺货' });
      expect(detail.closed_time).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

      // A second close refuses and puts nothing back twice.
      expectRefused(await admin.call('order.close', { admin_id: ADMIN_ID, orderid, reason: '再次' }), /can be closed/);
      expect(await stockOf(server, productid)).to.equal(stock);
      expect(await expectLedgerBalanced(server, buyer.id)).to.equal(1000);
    });

    it('closes a shipped order; refuses a done or cancelled one and a missing reason', async () => {
      const buyer = await createBuyer(server, 1000);
      const orderid = await place(buyer, mall.products['note-a5']);
      expectOk(await admin.call('order.ship', { admin_id: ADMIN_ID, orderid }));
      expectRefused(await admin.call('order.close', { admin_id: ADMIN_ID, orderid }), /reason/);
      expectRefused(await admin.call('order.close', { admin_id: ADMIN_ID, orderid, reason: '因'.repeat(101) }), /reason/);
      expectOk(await admin.call('order.close', { admin_id: ADMIN_ID, orderid, reason: '物流丢件' }));
      expect(Number((await orderRow(orderid)).order_status)).to.equal(5);
      expect(await expectLedgerBalanced(server, buyer.id)).to.equal(1000);
      // The member can no longer confirm it.
      expect((await app.call('order.confirm', { orderid }, { token: buyer.token })).code).to.equal(503);

      expectRefused(await admin.call('order.close', { admin_id: ADMIN_ID, orderid: orders.done, reason: 'x' }), /can be closed/);
      expectRefused(await admin.call('order.close', { admin_id: ADMIN_ID, orderid: orders.cancelled, reason: 'x' }), /can be closed/);
      expectRefused(await admin.call('order.close', { admin_id: ADMIN_ID, orderid: 999_999, reason: 'x' }), /order not found/);
    });

    it('gives the per-member limit back: a limit-1 goods can be bought again after the close', async () => {
      const buyer = await createBuyer(server, 20_000);
      const productid = mall.products['cj-jacket'];
      const orderid = await place(buyer, productid);
      expectRefused(await submitOrder(app, buyer, productid), /limit/);
      expectOk(await admin.call('order.close', { admin_id: ADMIN_ID, orderid, reason: '用户要求' }));
      expect(await place(buyer, productid)).to.be.a('number');
      expect(await expectLedgerBalanced(server, buyer.id)).to.equal(11_000);
    });

    it('of two concurrent closes of one order exactly one wins and refunds once', async () => {
      const buyer = await createBuyer(server, 1000);
      const orderid = await place(buyer, mall.products['note-a5'], 4);
      const answers = await Promise.all([1, 2, 3].map((i) => admin.call('order.close', { admin_id: ADMIN_ID, orderid, reason: `并发${i}` })));
      expect(answers.filter((a) => a.code === 200)).to.have.length(1);
      expect(await server.app.db('points_ledger').where({ orderid, kind: 'refund' })).to.have.length(1);
      expect(await expectLedgerBalanced(server, buyer.id)).to.equal(1000);
    });
  });
});
