import type { AppContext } from '../../../context';
import { userDirectory } from '../../../platform/identity/users';
import { walletService } from '../../../platform/wallet/wallet';
import { ORDER_STATUS, showOrderService } from '../services/orders';
import { TICKET_STATUS } from '../services/tickets';
import { SHOW_DEMO_USER } from './010_people';

const DAY_SEC = 86_400;

/**
 * Plan of the demo user's 8 orders, oldest first: which of the demo tickets (by position among the
 * tickets on sale), how many, and where the order ends up. Unpaid ones are the newest, so they stay
 * payable for the 30-minute window after the first start.
 */
const PLAN: Array<{ lines: Array<[ticket: number, number: number]>; end: 'paid' | 'cancelled' | 'unpaid' }> = [
  { lines: [[0, 2]], end: 'paid' },
  { lines: [[1, 1], [2, 1]], end: 'paid' },
  { lines: [[3, 1]], end: 'cancelled' },
  { lines: [[4, 2]], end: 'paid' },
  { lines: [[0, 1], [5, 1]], end: 'cancelled' },
  { lines: [[2, 1]], end: 'unpaid' },
  { lines: [[1, 2]], end: 'unpaid' },
  { lines: [[5, 1], [3, 1]], end: 'unpaid' },
];

/**
 * The demo user's orders on the demo tickets, made through the order service so that the tickets'
 * `remain` and the wallet agree with them; the older ones are then dated back over the past days. Without
 * the demo user or tickets on sale (their modules absent) there is nothing to order: it skips.
 */
export async function seed(app: AppContext): Promise<void> {
  const demo = await app.use(userDirectory).byMobile(SHOW_DEMO_USER.phone, SHOW_DEMO_USER.country);
  const tickets: Array<{ id: number }> = await app.db('show_tickets').where({ status: TICKET_STATUS.ON_SALE }).andWhere('remain', '>=', 5).orderBy('id').select('id');
  if (!demo || tickets.length === 0) return;
  const orders = app.use(showOrderService);
  const now = Math.floor(app.clock.now() / 1000);
  for (const [i, step] of PLAN.entries()) {
    const lines = step.lines.map(([ticket, number]) => ({ ticketId: Number(tickets[ticket % tickets.length].id), number }));
    const merged = [...new Map(lines.map((line) => [line.ticketId, line])).values()];
    const orderId = await orders.create(demo.id, merged);
    if (step.end === 'cancelled') await orders.cancel(demo.id, orderId);
    if (step.end === 'paid') {
      // Topped up by what it costs first, so the documented 1000.00 is still there after the demo's purchases.
      const { total_cents: cents } = (await app.db('show_orders').where({ id: orderId }).first('total_cents')) as { total_cents: number };
      await app.use(walletService).credit({ userId: demo.id, cents: Number(cents), reason: '演示充值' });
      await orders.pay(demo.id, orderId);
    }
    if (step.end === 'unpaid') continue;
    const at = now - (PLAN.length - i) * DAY_SEC;
    await app.db('show_orders').where({ id: orderId }).update({ c_time: at, u_time: at + 300 });
    await app.db('show_orders').where({ id: orderId, status: ORDER_STATUS.PAID }).update({ paid_at: at + 300 });
  }
}
