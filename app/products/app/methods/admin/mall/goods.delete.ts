import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { adminGoodsService } from '../../../services/mall/adminGoods';
import { adminIdField } from '../../../backoffice/crud';

export const adminGoodsDelete = defineMethod<{ goodsid: number; admin_id: number }>({
  name: 'goods.delete',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Soft-deletes a goods: it leaves the shop and the lists; orders keep their snapshots.',
  schema: Joi.object({
    admin_id: adminIdField(),
    goodsid: idField().required(),
  }),
  async handler({ admin_id, goodsid }, _call, app) {
    await app.use(adminGoodsService).remove(goodsid, admin_id);
  },
});
