import { expect } from 'chai';
import { formatTime } from '../../../../../../app/core/time';
import type { SeededMall } from '../../../../../../app/products/app/demo/030_mall';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { type Buyer, createBuyer, startMall, submitOrder } from '../../../../../helpers/mall';
import { statementsDuring } from '../../../../../helpers/queries';
import { expectShape } from '../../../../../helpers/shape';
import { insertId } from '../../../../../../app/storage/db';

/** Seed 002, 2.26 (an order waiting for shipping). */
const ORDER_EXAMPLE = {
  orderid: 49,
  order_sn: 'SN202003140000000001',
  total_price: 399,
  pay_time: '2020-03-14 23:45:06',
  order_status: 1,
  shipping_time: null,
  done_time: null,
  closed_time: null,
  receiver_name: '张木沐',
  receiver_province: '广东省',
  receiver_city: '深圳市',
  receiver_district: '南山区',
  receiver_street: '',
  receiver_address: '粤海街道东方科技大厦601',
  receiver_mobile: '14812345678',
  c_time: '2020-03-14 23:45:06',
  order_status_label: '待发货',
  goods_list: [
    {
      goodsid: 1,
      goods_name: 'ikbc C104 樱桃轴机械键盘',
      goods_image: 'http://xxx/5b7cbe51ea911.jpg',
      productid: 33,
      spec_val: '',
      market_price: 399,
      sales_price: 399,
      quantity: 1,
      payment_price: 399,
      total_price: 399,
    },
  ],
};

interface Order {
  orderid: number;
  order_sn: string;
  order_status: number;
  order_status_label: string;
  shipping_time: string | null;
  done_time: string | null;
  closed_time: string | null;
  c_time: string;
  goods_list: Array<{ productid: number; quantity: number }>;
}

describe('order.list and order.detail', () => {
  let server: TestServer, client: TestClient, mall: SeededMall, demo: Buyer;
  before(async () => ({ server, client, mall, demo } = await startMall()));
  after(() => server.stop());

  const list = async (params: Record<string, unknown> = {}, user: Buyer = demo) => {
    const answer = await client.call<{ list: Order[]; total: number; page: number; count: number; isnext: boolean }>('order.list', params, { token: user.token });
    expect(answer.code, answer.msg).to.equal(200);
    return answer.data!;
  };

  it("answers the member's orders newest first in the seed shape, with Chinese status labels", async () => {
    const data = await list();
    expect(data).to.include({ total: 4, page: 1, count: 20, isnext: false });
    expectShape({ ...data, list: data.list.filter((o) => o.order_status === 1) }, { ...data, list: [ORDER_EXAMPLE] });
    const orders = mall.orders!;
    expect(data.list.map((o) => o.orderid)).to.deep.equal([orders.cancelled, orders.done, orders.shipped, orders.toShip]);
    expect(data.list.map((o) => o.order_status_label)).to.deep.equal(['已取消', '交易成功', '已发货', '待发货']);
    const byId = new Map(data.list.map((o) => [o.orderid, o]));
    expect(byId.get(orders.shipped)!.shipping_time).to.be.a('string');
    expect(byId.get(orders.done)!.done_time).to.be.a('string');
    expect(byId.get(orders.cancelled)!.closed_time).to.be.a('string');
    expect(byId.get(orders.toShip)!.goods_list).to.deep.equal([
      {
        ...ORDER_EXAMPLE.goods_list[0],
        goodsid: mall.goods.keyboard,
        goods_image: 'http://files.example.com/images/mall/keyboard-1.jpg',
        productid: mall.products.ikbc00000001,
      },
    ]);
  });

  it('filters by order number, status and order time (date or datetime)', async () => {
    const all = (await list()).list;
    const shipped = all.find((o) => o.order_status === 2)!;
    expect((await list({ order_sn: shipped.order_sn })).list.map((o) => o.orderid)).to.deep.equal([shipped.orderid]);
    expect((await list({ order_status: 2 })).list.map((o) => o.orderid)).to.deep.equal([shipped.orderid]);
    expect((await list({ order_status: 5 })).total).to.equal(0);
    const today = shipped.c_time.slice(0, 10);
    expect((await list({ start_time: today, end_time: today })).total).to.equal(4);
    expect((await list({ start_time: all[all.length - 1].c_time, end_time: all[0].c_time })).total).to.equal(4);
    const tomorrow = formatTime(Math.floor(server.clock.now() / 1000) + 86400)!.slice(0, 10);
    expect((await list({ start_time: tomorrow })).total).to.equal(0);
    const yesterday = formatTime(Math.floor(server.clock.now() / 1000) - 86400)!.slice(0, 10);
    expect((await list({ end_time: yesterday })).total).to.equal(0);
  });

  it('refuses a malformed time or status with 503 naming the field', async () => {
    for (const [params, field] of [
      [{ start_time: '2020-13-01' }, 'start_time'],
      [{ end_time: 'yesterday' }, 'end_time'],
      [{ order_status: 9 }, 'order_status'],
    ] as const) {
      const answer = await client.call('order.list', params, { token: demo.token });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain(field);
    }
  });

  it("shows a member only their own orders, and needs a user", async () => {
    const stranger = await createBuyer(server, 0);
    expect(await list({}, stranger)).to.include({ total: 0 });
    expect((await client.call('order.list', {})).code).to.equal(602);
    const foreign = await client.call('order.detail', { orderid: mall.orders!.toShip }, { token: stranger.token });
    expect(foreign.code).to.equal(503);
    expect(foreign.msg).to.equal('order not found');
  });

  it('order.detail answers one order in the same shape', async () => {
    const answer = await client.call<Order>('order.detail', { orderid: mall.orders!.toShip }, { token: demo.token });
    expect(answer.code, answer.msg).to.equal(200);
    expectShape(answer.data, ORDER_EXAMPLE);
    const listed = (await list()).list.find((o) => o.orderid === mall.orders!.toShip);
    expect(answer.data).to.deep.equal(listed);
    expect((await client.call('order.detail', { orderid: 999_999 }, { token: demo.token })).msg).to.equal('order not found');
  });

  it('pages a member with many orders by 20, with the items of every order on the page, and shows a new order at once', async () => {
    const buyer = await createBuyer(server, 0);
    const template = await server.app.db('orders').where({ orderid: mall.orders!.toShip }).first();
    const items = await server.app.db('order_items').where({ orderid: mall.orders!.toShip });
    const copy = async (n: number) => {
      const { orderid: _id, ...row } = template;
      const orderid = await insertId(server.app.db('orders').insert({ ...row, user_id: buyer.id, order_sn: `SNT${buyer.id}x${n}` }));
      await server.app.db('order_items').insert(items.map(({ itemid: _item, ...item }) => ({ ...item, orderid, quantity: n })));
      return orderid;
    };
    const made: number[] = [];
    for (let n = 1; n <= 25; n++) made.push(await copy(n));
    const first = await list({}, buyer);
    expect(first).to.include({ total: 25, page: 1, count: 20, isnext: true });
    expect(first.list.map((o) => o.orderid)).to.deep.equal(made.slice(5).reverse());
    expect(first.list.map((o) => o.goods_list.map((g) => g.quantity))).to.deep.equal(made.slice(5).reverse().map((_, i) => [25 - i]));
    const second = await list({ page: 2 }, buyer);
    expect(second).to.include({ total: 25, page: 2, isnext: false });
    expect(second.list.map((o) => o.goods_list[0].quantity)).to.deep.equal([5, 4, 3, 2, 1]);
    const newest = await copy(26);
    const after = await list({}, buyer);
    expect(after.total).to.equal(26);
    expect(after.list[0].orderid).to.equal(newest);
    await server.app.db('order_items').where({ orderid: newest }).update({ quantity: 99 });
    expect((await list({}, buyer)).list[0].goods_list[0].quantity).to.equal(99);
  });

  it("keeps a member's plain list until their own orders change: another member's order leaves it, staff moves end it", async () => {
    const [buyer, other] = [await createBuyer(server, 100_000), await createBuyer(server, 100_000)];
    const productid = mall.products.ikbc00000001;
    const mine = (await submitOrder(client, buyer, productid)).data!.orderid;
    expect((await list({}, buyer)).list.map((o) => o.orderid)).to.deep.equal([mine]);
    const ordersRead = async (work: () => Promise<unknown>) =>
      (await statementsDuring(server.app.db, work)).filter((sql) => /\b(from|join)\s+[`"]?(orders|order_items)\b/i.test(sql)).length;
    expect(await ordersRead(() => list({}, buyer))).to.equal(0);
    expect((await submitOrder(client, other, productid)).code).to.equal(200);
    expect(await ordersRead(() => list({}, buyer))).to.equal(0);
    expect((await list({}, other)).total).to.equal(1);

    expect((await client.call('order.cancel', { orderid: mine }, { token: buyer.token })).code).to.equal(200);
    expect((await list({}, buyer)).list[0]).to.include({ orderid: mine, order_status: 4, order_status_label: '已取消' });
    const again = (await submitOrder(client, buyer, productid)).data!.orderid;
    const admin = await server.client('admin');
    expect((await admin.call('order.ship', { admin_id: 1, orderid: again, express_name: '顺丰速运', express_sn: 'SF1' })).code).to.equal(200);
    const shown = await list({}, buyer);
    expect(shown.total).to.equal(2);
    expect(shown.list[0]).to.include({ orderid: again, order_status: 2 });
    expect(shown.list[0].shipping_time).to.be.a('string');
  });
});
