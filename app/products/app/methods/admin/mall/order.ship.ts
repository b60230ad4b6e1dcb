import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField } from '../../../backoffice/crud';
import { orderService } from '../../../services/mall/orders';

export const adminOrderShip = defineMethod<{ orderid: number; express_name: string; express_sn: string; admin_id: number }>({
  name: 'order.ship',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Ships an order waiting for shipping (status 1 → 2), recording shipping_time and the express.',
  schema: Joi.object({
    admin_id: adminIdField(),
    orderid: idField().required(),
    express_name: Joi.string().trim().max(50).allow('').default(''),
    express_sn: Joi.string().trim().max(50).allow('').default(''),
  }),
  async handler({ admin_id, orderid, ...express }, _call, app) {
    await app.use(orderService).ship(orderid, express, admin_id);
  },
});
