import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { userDirectory } from '../../../platform/identity/users';
import { centsToYuan } from '../../../platform/wallet/money';
import { transaction, type Knex } from '../../../storage/db';
import { showErrors } from '../errors';
import { showTickets, TICKET_STATUS } from './tickets';

/** At most this many of one ticket in a cart line (and in an order line). */
export const CART_LINE_MAX = 10;
/** At most this many different tickets in one cart: the cart answer is never paged. */
export const CART_LINES_MAX = 50;

/** `status` of a cart line: 0 can be ordered as it is, 1 sold out (fewer left than the line holds) or off sale. */
export const CART_LINE_STATUS = { BUYABLE: 0, UNAVAILABLE: 1 } as const;

/** A line of `shopping.cart.info`. */
export interface CartLine {
  ticket_id: string;
  ticket_name: string;
  ticket_image: string;
  ticket_intro: string;
  ticket_price: number;
  number: number;
  status: number;
  created_at: number;
  updated_at: number;
}

interface CartJoinRow {
  ticket_id: number;
  number: number;
  c_time: number;
  u_time: number;
  name: string;
  image: string;
  intro: string;
  price: number;
  remain: number;
  status: number;
}

/**
 * The ticket cart of a show user: one line per ticket (primary key user + ticket), 1..10 each. Every
 * change of a user's cart runs in a transaction holding that user's account row, so parallel adds to one
 * line queue up instead of deadlocking, and the line's limit is checked by the UPDATE itself.
 */
export class ShowCart {
  constructor(private readonly app: AppContext) {}

  /** Adds `number` of an on-sale ticket: a new line, or more on the existing one (never over 10). */
  async add(userId: number, ticketId: number, number: number): Promise<void> {
    await this.changing(userId, async (trx, now) => {
      const ticket = await this.app.use(showTickets).onSale(ticketId, trx, showErrors.ticketNotOnSale);
      const grown = await trx('show_cart_items')
        .where({ user_id: userId, ticket_id: ticket.id })
        .where('number', '<=', CART_LINE_MAX - number)
        .update({ number: trx.raw('number + ?', [number]), u_time: now });
      if (grown) return;
      if (await this.line(trx, userId, ticket.id)) throw showErrors.cartLineOver(CART_LINE_MAX);
      const [{ lines }] = (await trx('show_cart_items').where({ user_id: userId }).count({ lines: '*' })) as Array<{ lines: number | string }>;
      if (Number(lines) >= CART_LINES_MAX) throw showErrors.cartFull(CART_LINES_MAX);
      await trx('show_cart_items').insert({ user_id: userId, ticket_id: ticket.id, number, c_time: now, u_time: now });
    });
  }

  /** Takes `number` off a line (all of it, or the whole line when `number` is omitted or not less). */
  async remove(userId: number, ticketId: number, number?: number): Promise<void> {
    await this.changing(userId, async (trx, now) => {
      const line = trx('show_cart_items').where({ user_id: userId, ticket_id: ticketId });
      if (number !== undefined && (await line.clone().where('number', '>', number).update({ number: trx.raw('number - ?', [number]), u_time: now }))) return;
      if (!(await line.clone().delete())) throw showErrors.notInCart();
    });
  }

  /** The whole cart, newest line first, with what each ticket is now. */
  async info(userId: number): Promise<CartLine[]> {
    const rows = (await this.app
      .db('show_cart_items as c')
      .join('show_tickets as t', 't.id', 'c.ticket_id')
      .where('c.user_id', userId)
      .select('c.ticket_id', 'c.number', 'c.c_time', 'c.u_time', 't.name', 't.image', 't.intro', 't.price', 't.remain', 't.status')
      .orderBy([{ column: 'c.c_time', order: 'desc' }, { column: 'c.ticket_id', order: 'desc' }])) as CartJoinRow[];
    return rows.map((row) => {
      const buyable = Number(row.status) === TICKET_STATUS.ON_SALE && Number(row.remain) >= Number(row.number);
      return {
        ticket_id: String(row.ticket_id),
        ticket_name: row.name,
        ticket_image: row.image,
        ticket_intro: row.intro,
        ticket_price: centsToYuan(Number(row.price)),
        number: Number(row.number),
        status: buyable ? CART_LINE_STATUS.BUYABLE : CART_LINE_STATUS.UNAVAILABLE,
        created_at: Number(row.c_time),
        updated_at: Number(row.u_time),
      };
    });
  }

  private async line(db: Knex.Transaction, userId: number, ticketId: number): Promise<boolean> {
    return !!(await db('show_cart_items').where({ user_id: userId, ticket_id: ticketId }).first('number'));
  }

  private changing(userId: number, work: (trx: Knex.Transaction, now: number) => Promise<void>): Promise<void> {
    return transaction(this.app.db, async (trx) => {
      await this.app.use(userDirectory).lock(trx, userId);
      await work(trx, unixSeconds(this.app.clock));
    });
  }
}

export const showCart = (app: AppContext): ShowCart => new ShowCart(app);
