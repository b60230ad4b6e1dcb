import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { orderService } from '../../../services/mall/orders';

export const orderCancel = defineMethod<{ orderid: number }>({
  name: 'order.cancel',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Cancels an order before shipping; stock, points and the purchase limit go back once (idempotent).',
  schema: Joi.object({
    orderid: idField().required(),
  }),
  async handler({ orderid }, call, app) {
    await app.use(orderService).cancel(call.user!.userId, orderid);
  },
});
