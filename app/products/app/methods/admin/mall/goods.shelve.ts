import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { adminGoodsService } from '../../../services/mall/adminGoods';
import { adminIdField } from '../../../backoffice/crud';

export const adminGoodsShelve = defineMethod<{ goodsid: number; on: number; admin_id: number }>({
  name: 'goods.shelve',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Puts a goods on shelf (on=1, needs a live product) or takes it off (on=0).',
  schema: Joi.object({
    admin_id: adminIdField(),
    goodsid: idField().required(),
    on: Joi.number().integer().valid(0, 1).required(),
  }),
  async handler({ admin_id, goodsid, on }, _call, app) {
    await app.use(adminGoodsService).shelve(goodsid, on === 1, admin_id);
  },
});
