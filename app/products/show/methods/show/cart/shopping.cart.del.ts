import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField, ticketNumberField } from '../../../fields';
import { showCart } from '../../../services/cart';

export const showShoppingCartDel = defineMethod<{ ticket_id: number; number?: number }, Record<string, never>>({
  name: 'shopping.cart.del',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Takes `number` of a ticket out of the cart; without `number` (or with as many as the line holds) the whole line.',
  schema: Joi.object({ ticket_id: rowIdField().required(), number: ticketNumberField() }),
  async handler({ ticket_id, number }, call, app) {
    await app.use(showCart).remove(call.user!.userId, ticket_id, number);
    return {};
  },
});
