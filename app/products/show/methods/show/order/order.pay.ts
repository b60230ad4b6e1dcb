import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField } from '../../../fields';
import { showOrderService } from '../../../services/orders';

export const showOrderPay = defineMethod<{ order_id: number; pay_method: 'wallet' }, Record<string, never>>({
  name: 'order.pay',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Pays the caller's unpaid order from the shared wallet (pay_method: wallet), once: debit and status 1 together.",
  schema: Joi.object({ order_id: rowIdField().required(), pay_method: Joi.string().trim().valid('wallet').required() }),
  async handler(params, call, app) {
    await app.use(showOrderService).pay(call.user!.userId, params.order_id);
    return {};
  },
});
