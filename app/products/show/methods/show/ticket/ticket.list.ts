import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pagingFields, type PageParams } from '../../../fields';
import { showTickets, type Ticket } from '../../../services/tickets';

export const showTicketList = defineMethod<PageParams, { ticket_list: Ticket[]; total: number; isnext: boolean }>({
  name: 'ticket.list',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Tickets on sale (sold-out ones too), newest first; paged (limit, offset).',
  schema: Joi.object(pagingFields()),
  async handler(params, _call, app) {
    const page = await app.use(showTickets).listOnSale(params);
    return { ticket_list: page.rows, total: page.total, isnext: page.isnext };
  },
});
