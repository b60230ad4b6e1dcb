import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { showErrors } from '../../../errors';
import { orderNumbersField, orderTicketIdsField } from '../../../fields';
import { showOrderService } from '../../../services/orders';

interface Params {
  ticket_id_list: number[];
  number_list: number[];
}

export const showOrderCreate = defineMethod<Params, { order_id: string }>({
  name: 'order.create',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Buys tickets directly: reserves each line (all or none) in an unpaid order; answers order_id for order.pay.',
  schema: Joi.object({ ticket_id_list: orderTicketIdsField().required(), number_list: orderNumbersField().required() }),
  async handler(params, call, app) {
    if (params.ticket_id_list.length !== params.number_list.length) throw showErrors.orderListsDiffer();
    const lines = params.ticket_id_list.map((ticketId, i) => ({ ticketId, number: params.number_list[i] }));
    return { order_id: String(await app.use(showOrderService).create(call.user!.userId, lines)) };
  },
});
