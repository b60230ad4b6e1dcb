import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { orderService } from '../../../services/mall/orders';

export const orderConfirm = defineMethod<{ orderid: number }>({
  name: 'order.confirm',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Confirms receipt of a shipped order (idempotent).',
  schema: Joi.object({
    orderid: idField().required(),
  }),
  async handler({ orderid }, call, app) {
    await app.use(orderService).confirm(call.user!.userId, orderid);
  },
});
