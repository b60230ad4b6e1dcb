import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { adminGoodsService, type GoodsInput } from '../../../services/mall/adminGoods';
import { adminIdField } from '../../../backoffice/crud';
import { goodsFields } from '../../../services/mall/adminParams';

export const adminGoodsEdit = defineMethod<GoodsInput & { goodsid: number; admin_id: number }>({
  name: 'goods.edit',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Changes goods fields (at least one); a new spec_val must still place every product.',
  schema: Joi.object({
    admin_id: adminIdField(),
    goodsid: idField().required(),
    ...goodsFields,
    goods_img: goodsFields.goods_img.invalid(''),
  })
    .or(...Object.keys(goodsFields))
    .messages({ 'object.missing': `give at least one field to change: ${Object.keys(goodsFields).join(', ')}` }),
  async handler({ admin_id, goodsid, ...fields }, _call, app) {
    await app.use(adminGoodsService).edit(goodsid, fields, admin_id);
  },
});
