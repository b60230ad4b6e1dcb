import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { showCart, type CartLine } from '../../../services/cart';

export const showShoppingCartInfo = defineMethod<Record<string, never>, { shopping_cart_info: CartLine[] }>({
  name: 'shopping.cart.info',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The caller's cart, newest line first; status 0 can be ordered as it is, 1 sold out or off sale.",
  schema: Joi.object({}),
  handler: async (_params, call, app) => ({ shopping_cart_info: await app.use(showCart).info(call.user!.userId) }),
});
