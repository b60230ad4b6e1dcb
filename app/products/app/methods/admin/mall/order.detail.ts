import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { adminOrderService, type AdminOrderView } from '../../../services/mall/adminOrders';

export const adminOrderDetail = defineMethod<{ orderid: number }, AdminOrderView>({
  name: 'order.detail',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'One order of any member, in the app\'s Order shape plus its member, express and close reason.',
  schema: Joi.object({
    orderid: idField().required(),
  }),
  async handler({ orderid }, _call, app) {
    return app.use(adminOrderService).detail(orderid);
  },
});
