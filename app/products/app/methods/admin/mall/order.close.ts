import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField } from '../../../backoffice/crud';
import { orderService } from '../../../services/mall/orders';

export const adminOrderClose = defineMethod<{ orderid: number; reason: string; admin_id: number }>({
  name: 'order.close',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Closes an order before receipt (status 1 or 2 → 5): stock, points and the per-user limit go back once.',
  schema: Joi.object({
    admin_id: adminIdField(),
    orderid: idField().required(),
    reason: Joi.string().trim().min(1).max(100).required(),
  }),
  async handler({ admin_id, orderid, reason }, _call, app) {
    await app.use(orderService).close(orderid, reason, admin_id);
  },
});
