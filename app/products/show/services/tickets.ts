import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { centsToYuan } from '../../../platform/wallet/money';
import { insertId, type Knex } from '../../../storage/db';
import { showErrors } from '../errors';
import { offsetPage, type OffsetPage } from './paging';

type Db = Knex | Knex.Transaction;

export const TICKET_STATUS = { OFF_SALE: 0, ON_SALE: 1 } as const;
export type TicketStatus = (typeof TICKET_STATUS)[keyof typeof TICKET_STATUS];

/** What a stored ticket and the wire's Ticket share (`price` is cents stored, yuan on the wire). */
interface TicketBody {
  name: string;
  image: string;
  intro: string;
  price: number;
  total: number;
  /** What can still be reserved: total - remain is sold or reserved by orders. */
  remain: number;
}

export interface TicketRow extends TicketBody {
  id: number;
  status: TicketStatus;
  c_by: number;
  u_by: number;
  c_time: number;
  u_time: number;
}

/** The catalogue's Ticket. */
export interface Ticket extends TicketBody {
  ticket_id: string;
  created_at: number;
}

/** The back office's view: every status, and when it last changed. */
export interface AdminTicket extends Ticket {
  status: number;
  updated_at: number;
}

export interface NewTicket {
  name: string;
  /** An absolute URL the caller resolved already. */
  image: string;
  intro: string;
  priceCents: number;
  total: number;
  status: TicketStatus;
}

export type TicketChanges = Partial<NewTicket>;

const withNumbers = (row: TicketRow): TicketRow => ({
  ...row,
  id: Number(row.id),
  price: Number(row.price),
  total: Number(row.total),
  remain: Number(row.remain),
  status: Number(row.status) as TicketStatus,
  c_time: Number(row.c_time),
  u_time: Number(row.u_time),
});

/**
 * Show tickets: the back office creates and edits them, the show app lists the ones on sale, and
 * orders reserve from `remain` (never below zero) and give back what they took. Off-sale tickets are
 * hidden from the show app as if absent.
 */
export class ShowTickets {
  constructor(private readonly app: AppContext) {}

  async find(id: number, db: Db = this.app.db): Promise<TicketRow | undefined> {
    const row = (await db('show_tickets').where({ id }).first()) as TicketRow | undefined;
    return row && withNumbers(row);
  }

  /** The ticket if it is on sale, else 503 `notFound` (detail and comments: "ticket not found"). */
  async onSale(id: number, db: Db = this.app.db, notFound = showErrors.ticketNotFound): Promise<TicketRow> {
    const row = await this.find(id, db);
    if (!row || row.status !== TICKET_STATUS.ON_SALE) throw notFound();
    return row;
  }

  present(row: TicketRow): Ticket {
    return {
      ticket_id: String(row.id),
      name: row.name,
      image: row.image,
      intro: row.intro,
      price: centsToYuan(row.price),
      total: row.total,
      remain: row.remain,
      created_at: row.c_time,
    };
  }

  presentAdmin(row: TicketRow): AdminTicket {
    return { ...this.present(row), status: row.status, updated_at: row.u_time };
  }

  /** On-sale tickets, newest first (`ticket.list`). */
  async listOnSale(page: { limit: number; offset: number }): Promise<OffsetPage<Ticket>> {
    const found = await offsetPage<TicketRow>(this.app.db('show_tickets').where({ status: TICKET_STATUS.ON_SALE }).orderBy('id', 'desc'), page);
    return { ...found, rows: found.rows.map((row) => this.present(withNumbers(row))) };
  }

  /** Every ticket, newest first, or those of one status (admin `show.ticket.list`). */
  async listAll(page: { limit: number; offset: number; status?: TicketStatus }): Promise<OffsetPage<AdminTicket>> {
    const query = this.app.db('show_tickets').orderBy('id', 'desc');
    if (page.status !== undefined) query.where({ status: page.status });
    const found = await offsetPage<TicketRow>(query, page);
    return { ...found, rows: found.rows.map((row) => this.presentAdmin(withNumbers(row))) };
  }

  /** A new ticket with all of it reservable. */
  add(ticket: NewTicket, adminId: number): Promise<number> {
    const now = unixSeconds(this.app.clock);
    return insertId(
      this.app.db('show_tickets').insert({
        name: ticket.name,
        image: ticket.image,
        intro: ticket.intro,
        price: ticket.priceCents,
        total: ticket.total,
        remain: ticket.total,
        status: ticket.status,
        c_by: adminId,
        u_by: adminId,
        c_time: now,
        u_time: now,
      }),
    );
  }

  /**
   * Changes a ticket. A new `total` moves `remain` by the same amount in the one conditional UPDATE, so
   * an order reserving at the same moment is neither lost nor doubled, and the total never drops below
   * what is sold or reserved (total - remain).
   */
  async edit(id: number, changes: TicketChanges, adminId: number): Promise<void> {
    const db = this.app.db;
    // `remain` before `total`: MySQL evaluates SET left to right, so `total` here is still the old one.
    const update: Record<string, unknown> = {};
    if (changes.total !== undefined) update.remain = db.raw('remain + ? - total', [changes.total]);
    if (changes.total !== undefined) update.total = changes.total;
    if (changes.name !== undefined) update.name = changes.name;
    if (changes.image !== undefined) update.image = changes.image;
    if (changes.intro !== undefined) update.intro = changes.intro;
    if (changes.priceCents !== undefined) update.price = changes.priceCents;
    if (changes.status !== undefined) update.status = changes.status;
    const query = db('show_tickets').where({ id });
    // Written as a sum, not `remain + ? - total >= 0`: no intermediate below zero on either engine.
    if (changes.total !== undefined) query.whereRaw('remain + ? >= total', [changes.total]);
    if (await query.update({ ...update, u_by: adminId, u_time: unixSeconds(this.app.clock) })) return;
    const row = await this.find(id);
    if (!row) throw showErrors.ticketNotFound();
    throw showErrors.totalBelowTaken(row.total - row.remain);
  }

  /**
   * Takes `number` from `remain` inside the caller's transaction, only if that many are left: answers
   * whether it did. Many buyers at once on the last few tickets get exactly what is there.
   */
  async reserve(trx: Knex.Transaction, id: number, number: number): Promise<boolean> {
    const taken = await trx('show_tickets')
      .where({ id, status: TICKET_STATUS.ON_SALE })
      .where('remain', '>=', number)
      .update({ remain: trx.raw('remain - ?', [number]), u_time: unixSeconds(this.app.clock) });
    return taken === 1;
  }

  /** Gives back what an order reserved (cancel, unpaid sweep); the caller makes sure it happens once. */
  async release(trx: Knex.Transaction, id: number, number: number): Promise<void> {
    await trx('show_tickets').where({ id }).update({ remain: trx.raw('remain + ?', [number]), u_time: unixSeconds(this.app.clock) });
  }
}

export const showTickets = (app: AppContext): ShowTickets => new ShowTickets(app);
