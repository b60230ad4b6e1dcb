import type { AppContext } from '../../../../context';
import { unixSeconds } from '../../../../core/clock';
import { refuse } from '../../../../core/errors';
import { formatTime, parseShanghaiTime, shanghaiDay } from '../../../../core/time';
import type { Caller } from '../../../../core/caller';
import { insertId, isUniqueViolation, transaction, type Knex } from '../../../../storage/db';
import { addressService } from '../../../../platform/identity/addresses';
import { cachedScopedList, paginate, paginateFixed, type FixedList, type Page, type Scope } from '../../../../platform/paging';
import { scopedWrite } from '../../../../storage/readCache';
import type { JsonText } from '../../../../core/jsonText';
import { FixedRead, placeholdersFor } from '../../../../storage/fixedReads';
import { requestTokenService } from '../../../../platform/gateway/requestTokens';
import { GoodsStatus, ProductStatus, RELEASED_ORDER_STATUSES } from './goods';
import { pointsService } from './points';

export const OrderStatus = { TO_SHIP: 1, SHIPPED: 2, DONE: 3, CANCELLED: 4, CLOSED: 5 } as const;
export type OrderStatusValue = (typeof OrderStatus)[keyof typeof OrderStatus];

export const ORDER_STATUS_LABELS: Record<number, string> = {
  1: '待发货',
  2: '已发货',
  3: '交易成功',
  4: '已取消',
  5: '已关闭',
};

const SEQUENCE_DIGITS = 10;
/** The daily counter outlives its day a little so a request straddling midnight still finds it. */
const SEQUENCE_TTL_MS = 2 * 86400 * 1000;

export interface OrderItemView {
  goodsid: number;
  goods_name: string;
  goods_image: string;
  productid: number;
  spec_val: string;
  market_price: number;
  sales_price: number;
  quantity: number;
  payment_price: number;
  total_price: number;
}

export interface OrderView {
  orderid: number;
  order_sn: string;
  total_price: number;
  pay_time: string | null;
  order_status: number;
  shipping_time: string | null;
  done_time: string | null;
  closed_time: string | null;
  receiver_name: string;
  receiver_province: string;
  receiver_city: string;
  receiver_district: string;
  receiver_street: string;
  receiver_address: string;
  receiver_mobile: string;
  c_time: string | null;
  order_status_label: string;
  goods_list: OrderItemView[];
}

export interface OrderRow {
  orderid: number;
  order_sn: string;
  user_id: number;
  total_price: number;
  payment_price: number;
  order_status: number;
  pay_time: number | null;
  shipping_time: number | null;
  done_time: number | null;
  closed_time: number | null;
  receiver_name: string;
  receiver_province: string;
  receiver_city: string;
  receiver_district: string;
  receiver_street: string;
  receiver_address: string;
  receiver_mobile: string;
  c_time: number;
}

const ORDER_COLUMNS = [
  'orderid', 'order_sn', 'user_id', 'total_price', 'payment_price', 'order_status', 'pay_time', 'shipping_time', 'done_time', 'closed_time',
  'receiver_name', 'receiver_province', 'receiver_city', 'receiver_district', 'receiver_street', 'receiver_address', 'receiver_mobile', 'c_time',
].join(', ');

/** What a member's order list shows when the app opens it: every order, newest first (no filter). */
const MEMBER_ORDERS: FixedList<OrderRow> = {
  rows: new FixedRead(`select ${ORDER_COLUMNS} from orders where user_id = ? order by orderid desc limit ? offset ?`),
  count: new FixedRead('select count(*) as n from orders where user_id = ?'),
};

interface OrderItemRow extends OrderItemView {
  orderid: number;
}

const ITEM_COLUMNS = 'orderid, goodsid, goods_name, goods_image, productid, spec_val, market_price, sales_price, quantity, payment_price, total_price';

/**
 * The items of up to `size` orders, by a fixed IN list: a page of orders pads its ids to the next size
 * with 0, which no order has, so a handful of statements serve every page.
 */
const ITEM_READ_SIZES = [1, 2, 4, 8, 16, 32, 64];
const itemReads = new Map(ITEM_READ_SIZES.map((size) => [size, new FixedRead<OrderItemRow>(`select ${ITEM_COLUMNS} from order_items where orderid in (${placeholdersFor(size)}) order by itemid`)]));

/** The member's rows of the two tables their order list reads: what their own writes are marked with. */
const ownScopes = (userId: number): Scope[] => [
  ['orders', 'user_id', userId],
  ['order_items', 'user_id', userId],
];

/** A write to `userId`'s own orders or their items: it ends that member's cached list, nobody else's. */
function ownedBy<Q extends Knex.QueryBuilder>(userId: number, query: Q): Q {
  return scopedWrite(query, 'user_id', userId);
}

/** An order as its member sees it: staff views add the member, `user_id` is not for the app. */
export function withoutOwner({ user_id: _owner, ...order }: OrderView & { user_id: number }): OrderView {
  return order;
}

/** Whether the app asks for the plain list (the page it opens on), with no filter. */
export function unfiltered(filter: OrderFilter): boolean {
  return !filter.order_sn && filter.order_status === -1 && !filter.start_time && !filter.end_time;
}

export interface OrderFilter {
  order_sn: string;
  order_status: number;
  start_time: string;
  end_time: string;
  page: number;
}

export interface PlaceOrder {
  productid: number;
  quantity: number;
  addressid: number;
}

interface ReceiverSnapshot {
  receiver_name: string;
  receiver_mobile: string;
  receiver_province: string;
  receiver_city: string;
  receiver_district: string;
  receiver_street: string;
  receiver_address: string;
}

interface Transition {
  orderid: number;
  /** Only this user's order (app methods); undefined for staff. */
  userId?: number;
  from: readonly number[];
  to: OrderStatusValue;
  set: Record<string, unknown>;
  /** Whether finding the order already in `to` is success (user cancel/confirm) rather than a refusal. */
  idempotent: boolean;
  wrongStatus: string;
}

function timeBound(text: string, field: string, endOfDay: boolean): number | null {
  if (text === '') return null;
  const seconds = parseShanghaiTime(text);
  if (seconds === null) throw refuse(`${field} is malformed (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)`);
  // A bare date as the end bound means the whole of that day.
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(text) ? seconds + 86399 : seconds;
}

/**
 * The order life cycle. Points are paid at submit, so an order starts at 1 待发货; staff ship it (2),
 * the member confirms receipt (3); the member cancels before shipping (4) or staff close it before
 * receipt (5), and both give back stock, points and the per-user limit exactly once.
 */
export class OrderService {
  constructor(private readonly app: AppContext) {}

  /** `order.submit`: spends the request token first, so a refused submit needs a fresh one. */
  async submit(call: Pick<Caller, 'user' | 'appid'>, requestToken: unknown, order: PlaceOrder): Promise<{ orderid: number; order_sn: string }> {
    if (!call.user) throw refuse('login required');
    await this.app.use(requestTokenService).consume(requestToken, call);
    return this.place(call.user.userId, order);
  }

  /**
   * Takes stock, checks the per-user limit, takes points and writes order, item and ledger row in one
   * transaction. Stock moves only by a conditional UPDATE (never below zero, never oversold); the
   * user's points row is locked, which also serialises the limit check for one user.
   */
  async place(userId: number, order: PlaceOrder): Promise<{ orderid: number; order_sn: string }> {
    const receiver = await this.receiverSnapshot(userId, order.addressid);
    let orderSn = '';
    const orderid = await transaction(
      this.app.db,
      async (trx) => {
        orderSn = await this.nextOrderSn();
        return this.placeIn(trx, userId, order, orderSn, receiver);
      },
      {
        recover: async (err) => {
          if (!isUniqueViolation(err)) return false;
          await this.resyncSequence(orderSn);
          return true;
        },
      },
    );
    return { orderid, order_sn: orderSn };
  }

  private async placeIn(trx: Knex.Transaction, userId: number, order: PlaceOrder, orderSn: string, receiver: ReceiverSnapshot): Promise<number> {
    const { productid, quantity } = order;
    const now = unixSeconds(this.app.clock);
    const product = await trx('products').where({ productid }).first('goodsid', 'status');
    const goods = product && (await trx('goods').where({ goodsid: product.goodsid }).first('goodsid', 'goods_name', 'goods_img', 'limit_count', 'status'));
    if (!product || !goods || Number(product.status) !== ProductStatus.LIVE || Number(goods.status) !== GoodsStatus.ON) {
      throw refuse('goods is off shelf or does not exist');
    }
    const taken = await trx('products')
      .where({ productid, status: ProductStatus.LIVE })
      .andWhere('stock', '>=', quantity)
      .update({ stock: trx.raw('stock - ?', [quantity]), u_time: now });
    if (taken === 0) throw refuse('no stock');
    // Read after our own UPDATE: the row is ours now, so the prices are the current ones.
    const sku = await trx('products').where({ productid }).first('market_price', 'sales_price', 'spec_val');
    const points = this.app.use(pointsService);
    const total = Number(sku.sales_price) * quantity;
    // The points row lock also serialises one user's submits, which makes the limit check below exact.
    const balance = await points.lockedBalance(trx, userId);
    const limit = Number(goods.limit_count);
    if (limit > 0) {
      const bought = await this.unitsHeld(trx, userId, Number(goods.goodsid));
      if (bought + quantity > limit) throw refuse(`over the limit of ${limit} per person for this goods`);
    }
    if (balance < total) throw refuse('not enough points');
    const orderid = await insertId(
      ownedBy(userId, trx('orders')).insert({
        order_sn: orderSn,
        namespace: 'app',
        user_id: userId,
        total_price: total,
        payment_price: total,
        order_status: OrderStatus.TO_SHIP,
        pay_time: now,
        ...receiver,
        c_time: now,
        u_time: now,
      }),
    );
    await ownedBy(userId, trx('order_items')).insert({
      orderid,
      goodsid: goods.goodsid,
      goods_name: goods.goods_name,
      goods_image: goods.goods_img,
      productid,
      spec_val: sku.spec_val,
      market_price: sku.market_price,
      sales_price: sku.sales_price,
      quantity,
      payment_price: total,
      total_price: total,
    });
    if (total > 0) await points.debitForOrder(trx, userId, orderid, total);
    await trx('goods').where({ goodsid: goods.goodsid }).increment('buy_count', quantity);
    return orderid;
  }

  /** Units of a goods this user holds in orders that were not cancelled or closed (a locking read on MySQL). */
  private async unitsHeld(trx: Knex.Transaction, userId: number, goodsid: number): Promise<number> {
    const [row] = await trx('order_items as i')
      .join('orders as o', 'o.orderid', 'i.orderid')
      .where({ 'o.user_id': userId, 'i.goodsid': goodsid })
      .whereNotIn('o.order_status', RELEASED_ORDER_STATUSES)
      .sum({ units: 'i.quantity' })
      .forShare();
    return Number(row?.units ?? 0);
  }

  /** `order.cancel`: the member's own order, before shipping; cancelling a cancelled order is a no-op. */
  cancel(userId: number, orderid: number): Promise<void> {
    return this.release({
      orderid,
      userId,
      from: [OrderStatus.TO_SHIP],
      to: OrderStatus.CANCELLED,
      set: {},
      idempotent: true,
      wrongStatus: 'the order has been shipped or closed and cannot be cancelled',
    }, '订单取消退还', 0);
  }

  /** Admin `order.close`: before receipt (1 or 2), with a reason. */
  close(orderid: number, reason: string, adminId: number): Promise<void> {
    return this.release({
      orderid,
      from: [OrderStatus.TO_SHIP, OrderStatus.SHIPPED],
      to: OrderStatus.CLOSED,
      set: { close_reason: reason },
      idempotent: false,
      wrongStatus: 'only orders waiting for shipping or shipped can be closed',
    }, '订单关闭退还', adminId);
  }

  /** `order.confirm`: receipt of a shipped order; confirming twice is a no-op. */
  async confirm(userId: number, orderid: number): Promise<void> {
    await transaction(this.app.db, (trx) =>
      this.transition(trx, {
        orderid,
        userId,
        from: [OrderStatus.SHIPPED],
        to: OrderStatus.DONE,
        set: { done_time: unixSeconds(this.app.clock) },
        idempotent: true,
        wrongStatus: 'the order has not been shipped',
      }),
    );
  }

  /** Admin `order.ship`. */
  async ship(orderid: number, express: { express_name?: string; express_sn?: string }, adminId: number): Promise<void> {
    await transaction(this.app.db, (trx) =>
      this.transition(trx, {
        orderid,
        from: [OrderStatus.TO_SHIP],
        to: OrderStatus.SHIPPED,
        set: { shipping_time: unixSeconds(this.app.clock), express_name: express.express_name ?? '', express_sn: express.express_sn ?? '' },
        idempotent: false,
        wrongStatus: 'only orders waiting for shipping can be shipped',
      }),
    );
    this.app.logger.info({ orderid, adminId }, 'order shipped');
  }

  /** Moves the order to 4 or 5 and, only when this call made that move, puts back stock, points and buy_count. */
  private async release(move: Transition, refundReason: string, adminId: number): Promise<void> {
    await transaction(this.app.db, async (trx) => {
      const now = unixSeconds(this.app.clock);
      const order = await this.transition(trx, { ...move, set: { ...move.set, closed_time: now } });
      if (!order) return;
      const items = await trx('order_items').where({ orderid: order.orderid }).select('goodsid', 'productid', 'quantity');
      for (const item of items) {
        await trx('products').where({ productid: item.productid }).increment('stock', Number(item.quantity));
      }
      const paid = Number(order.payment_price);
      if (paid > 0) await this.app.use(pointsService).refundForOrder(trx, Number(order.user_id), Number(order.orderid), paid, refundReason, adminId);
      for (const item of items) {
        await trx('goods')
          .where({ goodsid: item.goodsid })
          .andWhere('buy_count', '>=', Number(item.quantity))
          .decrement('buy_count', Number(item.quantity));
      }
    });
  }

  /**
   * The status move as one conditional UPDATE, so of two concurrent moves one wins. Answers the order
   * when this call moved it, null when it already was in `to` and that counts as success.
   */
  private async transition(trx: Knex.Transaction, move: Transition): Promise<OrderRow | null> {
    const scope = (q: Knex.QueryBuilder) => (move.userId === undefined ? q.where({ orderid: move.orderid }) : q.where({ orderid: move.orderid, user_id: move.userId }));
    // A member's own move ends only their cached list; a staff move (the member not known here) ends every member's.
    const target = move.userId === undefined ? trx('orders') : ownedBy(move.userId, trx('orders'));
    const moved = await scope(target)
      .whereIn('order_status', move.from as number[])
      .update({ ...move.set, order_status: move.to, u_time: unixSeconds(this.app.clock) });
    const order = (await scope(trx('orders')).first()) as OrderRow | undefined;
    if (!order) throw refuse('order not found');
    if (moved > 0) return order;
    if (move.idempotent && Number(order.order_status) === move.to) return null;
    throw refuse(move.wrongStatus);
  }

  /** `order.list` (app: userId given; admin: any user). Newest first. */
  async list(filter: OrderFilter, userId?: number): Promise<Page<OrderView & { user_id: number }>> {
    const start = timeBound(filter.start_time, 'start_time', false);
    const end = timeBound(filter.end_time, 'end_time', true);
    const pageSize = this.app.config.paging.pageSize;
    const query = this.app.db('orders').orderBy('orderid', 'desc');
    if (userId !== undefined) query.where({ user_id: userId });
    if (filter.order_sn) query.where({ order_sn: filter.order_sn });
    if (filter.order_status !== -1) query.where({ order_status: filter.order_status });
    if (start !== null) query.where('c_time', '>=', start);
    if (end !== null) query.where('c_time', '<=', end);
    const page = await paginate<OrderRow>(query.select(), filter.page, pageSize);
    return { ...page, list: await this.present(page.list) };
  }

  /**
   * The member's orders as the app opens them (no filter), newest first: fixed statements, and the
   * answer kept in the KV store until the member's own orders change (`ownedBy`) or any write to the
   * orders that does not say whose they are.
   */
  ownPage(userId: number, page: number): Promise<JsonText<Page<OrderView>>> {
    const pageSize = this.app.config.paging.pageSize;
    return cachedScopedList(this.app.db, ownScopes(userId), `orders:${userId}:${page}:${pageSize}`, async () => {
      const found = await paginateFixed(this.app.db, MEMBER_ORDERS, [userId], page, pageSize);
      const shown = await this.present(found.list);
      return { ...found, list: shown.map(withoutOwner) };
    });
  }

  /** `order.detail`; refuses an order of another user as "not found". */
  async detail(orderid: number, userId?: number): Promise<OrderView & { user_id: number }> {
    const query = this.app.db('orders').where({ orderid });
    if (userId !== undefined) query.where({ user_id: userId });
    const row = (await query.first()) as OrderRow | undefined;
    if (!row) throw refuse('order not found');
    const [view] = await this.present([row]);
    return view;
  }

  /**
   * Order rows in the seed's shape with their goods_list. `user_id` rides along for staff views
   * (which add the member); app methods drop it.
   */
  async present(rows: OrderRow[]): Promise<Array<OrderView & { user_id: number }>> {
    const items = await this.itemsOf(rows.map((r) => Number(r.orderid)));
    const byOrder = new Map<number, OrderItemView[]>();
    for (const i of items) {
      const list = byOrder.get(Number(i.orderid)) ?? [];
      list.push({
        goodsid: Number(i.goodsid),
        goods_name: i.goods_name,
        goods_image: i.goods_image,
        productid: Number(i.productid),
        spec_val: i.spec_val,
        market_price: Number(i.market_price),
        sales_price: Number(i.sales_price),
        quantity: Number(i.quantity),
        payment_price: Number(i.payment_price),
        total_price: Number(i.total_price),
      });
      byOrder.set(Number(i.orderid), list);
    }
    return rows.map((r) => ({
      orderid: Number(r.orderid),
      order_sn: r.order_sn,
      total_price: Number(r.total_price),
      pay_time: formatTime(r.pay_time),
      order_status: Number(r.order_status),
      shipping_time: formatTime(r.shipping_time),
      done_time: formatTime(r.done_time),
      closed_time: formatTime(r.closed_time),
      receiver_name: r.receiver_name,
      receiver_province: r.receiver_province,
      receiver_city: r.receiver_city,
      receiver_district: r.receiver_district,
      receiver_street: r.receiver_street,
      receiver_address: r.receiver_address,
      receiver_mobile: r.receiver_mobile,
      c_time: formatTime(r.c_time),
      order_status_label: ORDER_STATUS_LABELS[Number(r.order_status)] ?? '',
      goods_list: byOrder.get(Number(r.orderid)) ?? [],
      user_id: Number(r.user_id),
    }));
  }

  private async itemsOf(ids: number[]): Promise<OrderItemRow[]> {
    if (ids.length === 0) return [];
    const size = ITEM_READ_SIZES.find((fits) => fits >= ids.length);
    if (size === undefined) return this.app.db('order_items').whereIn('orderid', ids).orderBy('itemid', 'asc').select(ITEM_COLUMNS.split(', '));
    return itemReads.get(size)!.rows(this.app.db, [...ids, ...new Array<number>(size - ids.length).fill(0)]);
  }

  /** The user's live address with its province/city/district/street names, copied into the order. */
  private async receiverSnapshot(userId: number, addressid: number): Promise<ReceiverSnapshot> {
    const address = await this.app.use(addressService).get(userId, addressid);
    return {
      receiver_name: address.realname,
      receiver_mobile: address.mobile,
      receiver_province: address.province_name,
      receiver_city: address.city_name,
      receiver_district: address.district_name,
      receiver_street: address.street_name,
      receiver_address: address.address,
    };
  }

  /** `SN` + Shanghai day + 10-digit daily counter from the KV store (atomic incr, safe across processes). */
  async nextOrderSn(): Promise<string> {
    const day = shanghaiDay(this.app.clock.now());
    const n = await this.app.kv.incr(`order-seq:${day}`, { ttlMs: SEQUENCE_TTL_MS });
    return `SN${day}${String(n).padStart(SEQUENCE_DIGITS, '0')}`;
  }

  /**
   * After a collision (an in-process KV store restarted while the database kept the day's orders):
   * moves the counter past the day's highest number.
   */
  private async resyncSequence(collided: string): Promise<void> {
    const day = collided.slice(2, 10);
    const row = await this.app.db('orders').where('order_sn', 'like', `SN${day}%`).max({ sn: 'order_sn' }).first();
    const highest = row?.sn ? Number(String(row.sn).slice(10)) : 0;
    const current = Number((await this.app.kv.get(`order-seq:${day}`)) ?? 0);
    if (highest > current) await this.app.kv.incr(`order-seq:${day}`, { by: highest - current, ttlMs: SEQUENCE_TTL_MS });
  }
}

export const orderService = (app: AppContext): OrderService => new OrderService(app);
