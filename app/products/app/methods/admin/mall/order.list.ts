import type Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { memberFields } from '../../../../../platform/identity/fields';
import { adminOrderService, type AdminOrderView, type MemberRef } from '../../../services/mall/adminOrders';
import type { OrderFilter } from '../../../services/mall/orders';
import type { Page } from '../../../../../platform/paging';
import { orderList } from '../../app/order/order.list';

export const adminOrderList = defineMethod<OrderFilter & MemberRef, Page<AdminOrderView>>({
  name: 'order.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: "Every member's orders, newest first, filtered as the app's order.list plus open_id / mobile; each with its member.",
  // The app's filters exactly, so both sides parse order_sn, status and times alike.
  schema: (orderList.schema as Joi.ObjectSchema<OrderFilter & MemberRef>).keys(memberFields),
  async handler(filter, _call, app) {
    return app.use(adminOrderService).list(filter);
  },
});
