import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { picRefField, shopIdField } from '../../../fields';
import { shopService } from '../../../services/shops';

interface Params {
  shop_id: number;
  shop_content: string;
  pic_url?: string | number;
}

export const campusShopUpdate = defineMethod<Params, Record<string, never>>({
  name: 'shop.update',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Changes the description and picture (a file id or a URL of ours) of the caller's shop.",
  schema: Joi.object({
    shop_id: shopIdField().required(),
    shop_content: Joi.string().max(2000).allow('').required(),
    pic_url: picRefField(512),
  }),
  async handler(params, call, app) {
    await app.use(shopService).update(call, params);
    return {};
  },
});
