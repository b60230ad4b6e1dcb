import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { orderService, withoutOwner, type OrderView } from '../../../services/mall/orders';

export const orderDetail = defineMethod<{ orderid: number }, OrderView>({
  name: 'order.detail',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "One of the member's orders with its goods and receiver snapshot.",
  schema: Joi.object({
    orderid: idField().required(),
  }),
  async handler({ orderid }, call, app) {
    return withoutOwner(await app.use(orderService).detail(orderid, call.user!.userId));
  },
});
