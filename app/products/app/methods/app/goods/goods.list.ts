import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { goodsService, type GoodsFilter, type GoodsSummary } from '../../../services/mall/goods';
import { pageParam, type Page } from '../../../../../platform/paging';

export const goodsList = defineMethod<GoodsFilter, Page<GoodsSummary>>({
  name: 'goods.list',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: false,
  summary: 'Goods on shelf, newest first: category subtree, name keywords and a points price range (-1 = open bound).',
  schema: Joi.object({
    cat_id: Joi.number().integer().min(-1).default(-1),
    keywords: Joi.string().trim().max(50).allow('').default(''),
    start_price: Joi.number().min(-1).default(-1),
    end_price: Joi.number().min(-1).default(-1),
    page: pageParam,
  }),
  async handler(params, _call, app) {
    return app.use(goodsService).list(params);
  },
});
