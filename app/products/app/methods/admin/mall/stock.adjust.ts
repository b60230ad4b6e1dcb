import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { adminGoodsService } from '../../../services/mall/adminGoods';
import { adminIdField } from '../../../backoffice/crud';

export const adminStockAdjust = defineMethod<{ productid: number; delta: number; reason: string; admin_id: number }, { stock: number }>({
  name: 'stock.adjust',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Moves a product\'s stock by delta (never below 0, even against concurrent orders); answers the new stock.',
  schema: Joi.object({
    admin_id: adminIdField(),
    productid: idField().required(),
    delta: Joi.number().integer().min(-10_000_000).max(10_000_000).invalid(0).required(),
    reason: Joi.string().trim().min(1).max(100).required(),
  }),
  async handler({ admin_id, productid, delta, reason }, _call, app) {
    return { stock: await app.use(adminGoodsService).adjustStock(productid, delta, reason, admin_id) };
  },
});
