import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField } from '../../../fields';
import { showOrderService } from '../../../services/orders';

export const showOrderCancel = defineMethod<{ order_id: number }, Record<string, never>>({
  name: 'order.cancel',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Cancels the caller's unpaid order; its tickets go back to remain once.",
  schema: Joi.object({ order_id: rowIdField().required() }),
  async handler(params, call, app) {
    await app.use(showOrderService).cancel(call.user!.userId, params.order_id);
    return {};
  },
});
