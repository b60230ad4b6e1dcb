import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pagingFields, rowIdField, type PageParams } from '../../../fields';
import { showTicketComments, type TComment } from '../../../services/ticketComments';
import { showTickets } from '../../../services/tickets';

export const showTicketCommentList = defineMethod<PageParams & { ticket_id: number }, { ticket_comment_list: TComment[]; total: number; isnext: boolean }>({
  name: 'ticket.comment.list',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "A ticket's comments, newest first; paged (limit, offset).",
  schema: Joi.object({ ticket_id: rowIdField().required(), ...pagingFields() }),
  async handler({ ticket_id, ...page }, _call, app) {
    const ticket = await app.use(showTickets).onSale(ticket_id);
    const found = await app.use(showTicketComments).list(ticket.id, page);
    return { ticket_comment_list: found.rows, total: found.total, isnext: found.isnext };
  },
});
