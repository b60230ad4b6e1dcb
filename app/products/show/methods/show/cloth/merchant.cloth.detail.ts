import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField } from '../../../fields';
import { showClothes, type MClothDetail } from '../../../services/clothes';

export const showMerchantClothDetail = defineMethod<{ cloth_id: number }, { merchant_cloth_detail: MClothDetail }>({
  name: 'merchant.cloth.detail',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "One shown merchant cloth with is_like, its merchant's card and the merchant's address.",
  schema: Joi.object({ cloth_id: rowIdField().required() }),
  async handler({ cloth_id }, call, app) {
    return { merchant_cloth_detail: await app.use(showClothes).merchantDetail(cloth_id, call.user!.userId) };
  },
});
