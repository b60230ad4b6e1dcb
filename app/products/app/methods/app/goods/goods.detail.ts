import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { goodsService, type GoodsDetail } from '../../../services/mall/goods';

export const goodsDetail = defineMethod<{ goods_id: number }, GoodsDetail>({
  name: 'goods.detail',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: false,
  summary: 'One goods on shelf with its album, spec names and values, and its products keyed by spec (or single_product).',
  schema: Joi.object({
    goods_id: idField().required(),
  }),
  async handler({ goods_id }, _call, app) {
    return app.use(goodsService).detail(goods_id);
  },
});
