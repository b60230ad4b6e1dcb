import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField } from '../../../fields';
import { showOrderViews, type OrderDetail } from '../../../services/orderViews';

export const showOrderDetail = defineMethod<{ order_id: number }, { order_detail: OrderDetail }>({
  name: 'order.detail',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "One of the caller's orders with its lines (unit price at order time).",
  schema: Joi.object({ order_id: rowIdField().required() }),
  handler: async (params, call, app) => ({ order_detail: await app.use(showOrderViews).detail(call.user!.userId, params.order_id) }),
});
