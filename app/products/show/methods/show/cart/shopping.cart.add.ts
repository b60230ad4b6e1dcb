import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField, ticketNumberField } from '../../../fields';
import { showCart } from '../../../services/cart';

export const showShoppingCartAdd = defineMethod<{ ticket_id: number; number: number }, Record<string, never>>({
  name: 'shopping.cart.add',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Puts `number` (default 1) of a ticket on sale in the cart, adding to its line; a line holds at most 10.',
  schema: Joi.object({ ticket_id: rowIdField().required(), number: ticketNumberField().default(1) }),
  async handler({ ticket_id, number }, call, app) {
    await app.use(showCart).add(call.user!.userId, ticket_id, number);
    return {};
  },
});
