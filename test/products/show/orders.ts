import { expect } from 'chai';
import type { OrderRow } from '../../../app/products/show/services/orders';
import { walletService } from '../../../app/platform/wallet/wallet';
import { ok, type ShowFixture, type ShowUser } from './helpers';

/** The catalogue's Order keys. */
export const ORDER_KEYS = ['order_id', 'price', 'number', 'status', 'created_at', 'updated_at'];

/** Order fixtures over a show server: tickets, orders and money for the order method tests. */
export function orderFixture(show: ShowFixture) {
  const db = () => show.server.app.db;
  return {
    async remain(ticketId: string): Promise<number> {
      return Number((await db()('show_tickets').where({ id: ticketId }).first('remain')).remain);
    },
    /** The order's row, numbers as numbers. */
    async order(orderId: string): Promise<OrderRow> {
      const row: OrderRow | undefined = await db()('show_orders').where({ id: orderId }).first();
      expect(row, `order ${orderId}`).to.not.equal(undefined);
      const numeric = (['user_id', 'status', 'total_cents', 'number', 'c_time', 'u_time', 'paid_at'] as const).map((key) => [key, Number(row![key])]);
      return { ...row!, ...Object.fromEntries(numeric) };
    },
    /** order.create as `who`; answers the order id after checking the answer is exactly `{order_id}`. */
    async buy(who: ShowUser, lines: Array<[string, number]>): Promise<string> {
      const data = await show.as<{ order_id: string }>(who, 'order.create', { ticket_id_list: lines.map(([id]) => id), number_list: lines.map(([, n]) => n) });
      expect(data).to.have.all.keys('order_id');
      expect(data.order_id).to.be.a('string').and.match(/^[1-9]\d*$/);
      return data.order_id;
    },
    async fund(who: ShowUser, cents: number): Promise<void> {
      await show.server.app.use(walletService).credit({ userId: who.id, cents, reason: 'test top-up' });
    },
    balance: (who: ShowUser) => show.server.app.use(walletService).balance(who.id),
  };
}
