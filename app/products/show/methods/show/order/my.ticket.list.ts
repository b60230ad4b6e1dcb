import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pagingFields, type PageParams } from '../../../fields';
import { showOrderViews, type BoughtTicket } from '../../../services/orderViews';

export const showMyTicketList = defineMethod<PageParams, { my_ticket_list: BoughtTicket[]; total: number; isnext: boolean }>({
  name: 'my.ticket.list',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Tickets the caller bought (in paid or used orders), each once, most recently bought first; paged.',
  schema: Joi.object(pagingFields()),
  async handler(params, call, app) {
    const { rows, total, isnext } = await app.use(showOrderViews).boughtTickets(call.user!.userId, params);
    return { my_ticket_list: rows, total, isnext };
  },
});
