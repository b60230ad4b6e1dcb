import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pagingFields, ticketFields, type PageParams } from '../../../fields';
import { showTickets, type AdminTicket, type TicketStatus } from '../../../services/tickets';

export const adminShowTicketList = defineMethod<PageParams & { status?: TicketStatus }, { ticket_list: AdminTicket[]; total: number; isnext: boolean }>({
  name: 'show.ticket.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Every show ticket (or those of one status) with its status and last change, newest first; paged like the show lists (limit, offset).',
  schema: Joi.object({ ...pagingFields(), status: ticketFields().status }),
  async handler(params, _call, app) {
    const page = await app.use(showTickets).listAll(params);
    return { ticket_list: page.rows, total: page.total, isnext: page.isnext };
  },
});
