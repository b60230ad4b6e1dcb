import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { shopIdField } from '../../../fields';
import { shopService, type Shop } from '../../../services/shops';

interface Params {
  shop_id?: number;
  shop_name?: string;
}

export const campusShopInfo = defineMethod<Params, Shop>({
  name: 'shop.info',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'One shop by exact shop_id or, when no id is given, exact shop_name.',
  schema: Joi.object({
    shop_id: shopIdField(),
    shop_name: Joi.string().trim().min(1).max(100),
  })
    .or('shop_id', 'shop_name')
    .messages({ 'object.missing': 'give shop_id or shop_name' }),
  handler: (params, _call, app) => app.use(shopService).info(params),
});
