import type { AppContext } from '../../../context';
import { centsToYuan } from '../../../platform/wallet/money';
import { ORDER_STATUS, showOrderService, type OrderRow } from './orders';
import { offsetPage, type OffsetPage } from './paging';

/** The catalogue's Order (decision 6: `price` = the order's total, `number` = its tickets). */
export interface Order {
  order_id: string;
  price: number;
  number: number;
  status: number;
  created_at: number;
  updated_at: number;
}

export interface OrderDetail extends Order {
  /** `price` = the unit price when ordered. */
  order_item_list: Array<{ ticket_id: string; price: number; number: number }>;
}

export interface BoughtTicket {
  ticket_id: string;
  name: string;
  image: string;
  intro: string;
  price: number;
  created_at: number;
}

/** Paid and used orders: what my.ticket.list counts as bought. */
const BOUGHT = [ORDER_STATUS.PAID, ORDER_STATUS.USED];

function present(row: OrderRow): Order {
  return {
    order_id: String(row.id),
    price: centsToYuan(Number(row.total_cents)),
    number: Number(row.number),
    status: Number(row.status),
    created_at: Number(row.c_time),
    updated_at: Number(row.u_time),
  };
}

/** The show order reads: detail, the caller's orders, the tickets the caller bought. */
export class ShowOrderViews {
  constructor(private readonly app: AppContext) {}

  async detail(userId: number, orderId: number): Promise<OrderDetail> {
    const row = await this.app.use(showOrderService).own(userId, orderId);
    const items: Array<{ ticket_id: number; unit_cents: number; number: number }> = await this.app.db('show_order_items').where({ order_id: orderId }).orderBy('id').select('ticket_id', 'unit_cents', 'number');
    return {
      ...present(row),
      order_item_list: items.map((item) => ({ ticket_id: String(item.ticket_id), price: centsToYuan(Number(item.unit_cents)), number: Number(item.number) })),
    };
  }

  /** my.order.list: newest first, optionally one status. */
  async list(userId: number, status: number | undefined, page: { limit: number; offset: number }): Promise<OffsetPage<Order>> {
    const query = this.app.db('show_orders').where({ user_id: userId }).orderBy('id', 'desc').select('*');
    if (status !== undefined) query.where({ status });
    const result = await offsetPage<OrderRow>(query, page);
    return { ...result, rows: result.rows.map(present) };
  }

  /**
   * my.ticket.list: each ticket of the caller's paid (or used) orders once, most recently bought first,
   * shown as the ticket is now (the Ticket shape's fields).
   */
  async boughtTickets(userId: number, page: { limit: number; offset: number }): Promise<OffsetPage<BoughtTicket>> {
    const query = this.app
      .db('show_order_items as i')
      .join('show_orders as o', 'o.id', 'i.order_id')
      .join('show_tickets as t', 't.id', 'i.ticket_id')
      .where('o.user_id', userId)
      .whereIn('o.status', BOUGHT)
      .groupBy('t.id', 't.name', 't.image', 't.intro', 't.price', 't.c_time')
      .select('t.id', 't.name', 't.image', 't.intro', 't.price', 't.c_time')
      .max({ bought_at: 'o.paid_at' })
      .orderBy([{ column: 'bought_at', order: 'desc' }, { column: 't.id', order: 'desc' }]);
    const result = await offsetPage<{ id: number; name: string; image: string; intro: string; price: number | string; c_time: number }>(query, page);
    return {
      ...result,
      rows: result.rows.map((t) => ({ ticket_id: String(t.id), name: t.name, image: t.image, intro: t.intro, price: centsToYuan(Number(t.price)), created_at: Number(t.c_time) })),
    };
  }
}

export const showOrderViews = (app: AppContext): ShowOrderViews => new ShowOrderViews(app);
