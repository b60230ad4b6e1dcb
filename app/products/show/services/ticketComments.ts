import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { insertId } from '../../../storage/db';
import { offsetPage, type OffsetPage } from './paging';
import { presentComments, type CommentRow } from './comments';
import { showTickets } from './tickets';

/** The catalogue's TComment. */
export interface TComment {
  ticket_comment_id: string;
  uid: string;
  content: string;
  created_at: number;
}

/** Comments on tickets on sale (`ticket.comment.*`, and the newest beside `ticket.detail`). */
export class ShowTicketComments {
  constructor(private readonly app: AppContext) {}

  async publish(userId: number, ticketId: number, content: string): Promise<number> {
    const ticket = await this.app.use(showTickets).onSale(ticketId);
    return insertId(this.app.db('show_ticket_comments').insert({ ticket_id: ticket.id, user_id: userId, content, c_time: unixSeconds(this.app.clock) }));
  }

  /** Newest first. */
  async list(ticketId: number, page: { limit: number; offset: number }): Promise<OffsetPage<TComment>> {
    const found = await offsetPage<CommentRow>(
      this.app.db('show_ticket_comments').where({ ticket_id: ticketId }).select('id', 'user_id', 'content', 'c_time').orderBy('id', 'desc'),
      page,
    );
    return { ...found, rows: await presentComments(this.app, found.rows, 'ticket_comment_id') };
  }
}

export const showTicketComments = (app: AppContext): ShowTicketComments => new ShowTicketComments(app);
