import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { orderTicketIdsField } from '../../../fields';
import { showOrderService } from '../../../services/orders';

export const showOrderCreateByShoppingCart = defineMethod<{ ticket_id_list: number[] }, { order_id: string }>({
  name: 'order.create.by.shopping.cart',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Orders the caller's cart lines for ticket_id_list with the cart's numbers; those lines leave the cart. Answers order_id.",
  schema: Joi.object({ ticket_id_list: orderTicketIdsField().required() }),
  async handler(params, call, app) {
    return { order_id: String(await app.use(showOrderService).createFromCart(call.user!.userId, params.ticket_id_list)) };
  },
});
