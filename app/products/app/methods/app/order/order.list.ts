import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { orderService, unfiltered, withoutOwner, type OrderFilter, type OrderView } from '../../../services/mall/orders';
import { pageParam, type Page } from '../../../../../platform/paging';

export const orderList = defineMethod<OrderFilter, Page<OrderView>>({
  name: 'order.list',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The member's orders, newest first, by order number, status and order time (date or datetime).",
  schema: Joi.object({
    order_sn: Joi.string().trim().max(32).allow('').default(''),
    order_status: Joi.number().integer().valid(-1, 1, 2, 3, 4, 5).default(-1),
    start_time: Joi.string().trim().max(19).allow('').default(''),
    end_time: Joi.string().trim().max(19).allow('').default(''),
    page: pageParam,
  }),
  async handler(params, call, app) {
    const orders = app.use(orderService);
    if (unfiltered(params)) return orders.ownPage(call.user!.userId, params.page);
    const page = await orders.list(params, call.user!.userId);
    return { ...page, list: page.list.map(withoutOwner) };
  },
});
