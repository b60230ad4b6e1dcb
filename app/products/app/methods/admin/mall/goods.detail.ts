import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { adminGoodsService, type AdminGoodsDetail } from '../../../services/mall/adminGoods';

export const adminGoodsDetail = defineMethod<{ goodsid: number }, AdminGoodsDetail>({
  name: 'goods.detail',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'One goods in any status but deleted, with all its products (live and disabled) and their stock.',
  schema: Joi.object({
    goodsid: idField().required(),
  }),
  async handler({ goodsid }, _call, app) {
    return app.use(adminGoodsService).detail(goodsid);
  },
});
