import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { adminGoodsService, type AdminGoods, type AdminGoodsFilter } from '../../../services/mall/adminGoods';

import { pageParam, type Page } from '../../../../../platform/paging';

export const adminGoodsList = defineMethod<AdminGoodsFilter, Page<AdminGoods>>({
  name: 'goods.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Back-office goods list, every status but deleted unless asked (status 0 off, 1 on, 2 deleted), newest first.',
  schema: Joi.object({
    cat_id: Joi.number().integer().min(-1).default(-1),
    keywords: Joi.string().trim().max(50).allow('').default(''),
    status: Joi.number().integer().valid(-1, 0, 1, 2).default(-1),
    page: pageParam,
  }),
  async handler(filter, _call, app) {
    return app.use(adminGoodsService).list(filter);
  },
});
