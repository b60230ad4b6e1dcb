import crypto from 'node:crypto';
import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { userDirectory } from '../../../platform/identity/users';
import { MAX_MOVE_CENTS } from '../../../platform/wallet/money';
import { isWalletRefusal, orderRef, walletService } from '../../../platform/wallet/wallet';
import { insertId, isUniqueViolation, transaction, type Knex } from '../../../storage/db';
import { showErrors } from '../errors';
import { showTickets, TICKET_STATUS } from './tickets';

/** Decision 5. */
export const ORDER_STATUS = { UNPAID: 0, PAID: 1, CANCELLED: 2, USED: 3 } as const;
/** An unpaid order is cancelled after this (job show.orders.expire) and cannot be paid past it. */
export const PAYMENT_WINDOW_SEC = 30 * 60;
/** Expired orders the sweep reads per query; each is then cancelled in its own transaction. */
const SWEEP_BATCH = 200;

/** A line of an order: a ticket and how many of it. */
export interface OrderLine {
  ticketId: number;
  number: number;
}

/** A reserved line with the ticket's price at that moment (decision 6: item price = unit price at order time). */
interface PricedLine extends OrderLine {
  unitCents: number;
}

/** Ascending ticket id: every transaction touching several tickets locks their rows in one order, so none deadlock. */
const byTicket = <T extends OrderLine>(lines: readonly T[]): T[] => [...lines].sort((a, b) => a.ticketId - b.ticketId);

export interface OrderRow {
  id: number;
  user_id: number;
  order_no: string;
  status: number;
  total_cents: number | string;
  number: number;
  c_time: number;
  u_time: number;
  paid_at: number;
}

/** `S` + Shanghai date and time to the second + 6 random digits: sortable by eye, not guessable as a sequence. */
function newOrderNo(nowSec: number): string {
  const stamp = new Date((nowSec + 8 * 3600) * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
  return `S${stamp}${String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/**
 * The life of a show ticket order (decision 5): placing it reserves the tickets, cancelling it (by the
 * buyer or by the 30-minute sweep) gives them back, paying it debits the shared wallet. Every move of
 * `status` is a conditional UPDATE from the state it leaves, inside the transaction of its side effect,
 * so each effect happens exactly once however many calls race for it.
 */
export class ShowOrderService {
  constructor(private readonly app: AppContext) {}

  /** order.create: the lines as given (ticket ids unique). Answers the order id. */
  create(userId: number, lines: readonly OrderLine[]): Promise<number> {
    return transaction(this.app.db, async (trx) => this.place(trx, userId, await this.reserve(trx, lines)));
  }

  /**
   * order.create.by.shopping.cart: the caller's cart lines for `ticketIds`, with the cart's numbers; the
   * lines leave the cart in the same transaction. The caller's account row is locked first, as every cart
   * change locks it, so the numbers read are the ones ordered and two orders from one cart at once take
   * it once (the second finds the lines gone: not in cart).
   */
  createFromCart(userId: number, ticketIds: readonly number[]): Promise<number> {
    return transaction(this.app.db, async (trx) => {
      await this.app.use(userDirectory).lock(trx, userId);
      const cart = trx('show_cart_items').where({ user_id: userId }).whereIn('ticket_id', ticketIds);
      const held: Array<{ ticket_id: number; number: number }> = await cart.clone().select('ticket_id', 'number');
      if (held.length !== ticketIds.length) throw showErrors.notInCart();
      await cart.clone().delete();
      return this.place(trx, userId, await this.reserve(trx, held.map((line) => ({ ticketId: Number(line.ticket_id), number: Number(line.number) }))));
    });
  }

  /** order.cancel: the caller's own unpaid order; its tickets go back once. */
  async cancel(userId: number, orderId: number): Promise<void> {
    await this.own(userId, orderId);
    if (!(await this.cancelUnpaid(orderId))) throw showErrors.onlyUnpaidCancel();
  }

  /**
   * order.pay with the wallet: one transaction moves the status 0 → 1 (the row lock makes a parallel payment
   * wait, then find it paid) and debits the total once (ref order:show:<id>:pay); a refused debit rolls the
   * status back with it. Past the payment window the order counts as cancelled even before the sweep.
   */
  async pay(userId: number, orderId: number): Promise<void> {
    const order = await this.own(userId, orderId);
    await transaction(this.app.db, async (trx) => {
      const now = unixSeconds(this.app.clock);
      const moved = await trx('show_orders')
        .where({ id: orderId, status: ORDER_STATUS.UNPAID })
        .andWhere('c_time', '>', now - PAYMENT_WINDOW_SEC)
        .update({ status: ORDER_STATUS.PAID, paid_at: now, u_time: now });
      if (moved !== 1) throw showErrors.orderNotUnpaid();
      try {
        await this.app.use(walletService).debit({ userId, cents: Number(order.total_cents), reason: `演出票订单 ${order.order_no}`, ref: orderRef('show', orderId, 'pay') }, trx);
      } catch (err) {
        if (isWalletRefusal(err, 'insufficient')) throw showErrors.balanceNotEnough();
        if (isWalletRefusal(err, 'duplicate')) throw showErrors.orderNotUnpaid();
        throw err;
      }
    });
  }

  /** Job show.orders.expire: unpaid orders older than the window are cancelled, their tickets given back. */
  async expireUnpaid(): Promise<number> {
    let cancelled = 0;
    for (;;) {
      const cutoff = unixSeconds(this.app.clock) - PAYMENT_WINDOW_SEC;
      const due: Array<{ id: number }> = await this.app.db('show_orders').where({ status: ORDER_STATUS.UNPAID }).andWhere('c_time', '<=', cutoff).orderBy('c_time').limit(SWEEP_BATCH).select('id');
      for (const { id } of due) if (await this.cancelUnpaid(Number(id))) cancelled++;
      if (due.length < SWEEP_BATCH) return cancelled;
    }
  }

  /** The caller's order, or 503 not found / not yours (one answer: ids of others' orders reveal nothing). */
  async own(userId: number, orderId: number, db: Knex = this.app.db): Promise<OrderRow> {
    const row: OrderRow | undefined = await db('show_orders').where({ id: orderId }).first();
    if (!row || Number(row.user_id) !== userId) throw showErrors.orderNotFound();
    return row;
  }

  /** 0 → 2 and the tickets back, in one transaction; false when the order was no longer unpaid. */
  private cancelUnpaid(orderId: number): Promise<boolean> {
    return transaction(this.app.db, async (trx) => {
      const now = unixSeconds(this.app.clock);
      const moved = await trx('show_orders').where({ id: orderId, status: ORDER_STATUS.UNPAID }).update({ status: ORDER_STATUS.CANCELLED, u_time: now });
      if (moved !== 1) return false;
      const items: Array<{ ticket_id: number; number: number }> = await trx('show_order_items').where({ order_id: orderId }).select('ticket_id', 'number');
      const tickets = this.app.use(showTickets);
      for (const item of byTicket(items.map((i) => ({ ticketId: Number(i.ticket_id), number: Number(i.number) })))) await tickets.release(trx, item.ticketId, item.number);
      return true;
    });
  }

  /**
   * Takes every line out of its ticket's `remain` inside `trx` (decision 5) by the tickets' conditional
   * decrement (never below zero, whatever the parallel buyers). A refusal throws and the transaction undoes
   * the lines already taken: all or none. The price is the one read here, just before the reservation.
   */
  private async reserve(trx: Knex.Transaction, lines: readonly OrderLine[]): Promise<PricedLine[]> {
    const rows: Array<{ id: number; price: number | string; status: number }> = await trx('show_tickets').whereIn('id', lines.map((line) => line.ticketId)).select('id', 'price', 'status');
    const price = new Map(rows.filter((t) => Number(t.status) === TICKET_STATUS.ON_SALE).map((t) => [Number(t.id), Number(t.price)]));
    if (lines.some((line) => !price.has(line.ticketId))) throw showErrors.ticketNotOnSale();
    const tickets = this.app.use(showTickets);
    const reserved: PricedLine[] = [];
    for (const line of byTicket(lines)) {
      if (!(await tickets.reserve(trx, line.ticketId, line.number))) throw showErrors.notEnoughRemaining();
      reserved.push({ ...line, unitCents: price.get(line.ticketId)! });
    }
    return reserved;
  }

  /** The order row and its items for lines already reserved in `trx`. */
  private async place(trx: Knex.Transaction, userId: number, lines: readonly PricedLine[]): Promise<number> {
    const total = lines.reduce((sum, line) => sum + line.unitCents * line.number, 0);
    // One wallet move is at most MAX_MOVE_CENTS: a larger order could never be paid.
    if (total > MAX_MOVE_CENTS) throw showErrors.orderTooLarge();
    const now = unixSeconds(this.app.clock);
    const order = { user_id: userId, status: ORDER_STATUS.UNPAID, total_cents: total, number: lines.reduce((sum, line) => sum + line.number, 0), c_time: now, u_time: now };
    const orderId = await this.insertWithFreshNo(trx, order, now);
    await trx('show_order_items').insert(lines.map((line) => ({ order_id: orderId, ticket_id: line.ticketId, unit_cents: line.unitCents, number: line.number })));
    return orderId;
  }

  /** A random order number clashes about never; a clash is retried in a savepoint, so the order survives it. */
  private async insertWithFreshNo(trx: Knex.Transaction, order: Record<string, number>, now: number): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(trx, (savepoint) => insertId(savepoint('show_orders').insert({ ...order, order_no: newOrderNo(now) })));
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 5) throw err;
      }
    }
  }
}

export const showOrderService = (app: AppContext): ShowOrderService => new ShowOrderService(app);
