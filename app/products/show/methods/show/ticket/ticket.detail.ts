import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField } from '../../../fields';
import { showTicketComments, type TComment } from '../../../services/ticketComments';
import { showTickets, type Ticket } from '../../../services/tickets';

/** The newest comments shown beside the ticket; `ticket.comment.list` pages through all of them. */
const DETAIL_COMMENTS = 100;

export const showTicketDetail = defineMethod<{ ticket_id: number }, { ticket_detail: Ticket & { updated_at: number }; ticket_comment_list: TComment[] }>({
  name: 'ticket.detail',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'A ticket on sale with when it last changed, and its newest 100 comments beside it.',
  schema: Joi.object({ ticket_id: rowIdField().required() }),
  async handler({ ticket_id }, _call, app) {
    const tickets = app.use(showTickets);
    const row = await tickets.onSale(ticket_id);
    const comments = await app.use(showTicketComments).list(row.id, { limit: DETAIL_COMMENTS, offset: 0 });
    return { ticket_detail: { ...tickets.present(row), updated_at: row.u_time }, ticket_comment_list: comments.rows };
  },
});
