import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pagingFields, type PageParams } from '../../../fields';
import { showClothRecommender } from '../../../services/clothRecommend';
import type { MCloth } from '../../../services/clothes';

export const showRecommendMerchantClothList = defineMethod<PageParams, { recommend_merchant_cloth_list: MCloth[]; total: number; isnext: boolean }>({
  name: 'recommend.merchant.cloth.list',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "Merchants' clothes the caller has not liked, best first: Σ CF similarity to their liked clothes + tag overlap, then the most liked of 30 days; paged.",
  schema: Joi.object(pagingFields()),
  async handler(params, call, app) {
    const page = await app.use(showClothRecommender).page(call.user!.userId, params);
    return { recommend_merchant_cloth_list: page.rows, total: page.total, isnext: page.isnext };
  },
});
