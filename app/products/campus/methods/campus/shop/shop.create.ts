import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { shopService } from '../../../services/shops';

interface Params {
  shop_name: string;
  shop_content: string;
}

export const campusShopCreate = defineMethod<Params, { shop_id: number }>({
  name: 'shop.create',
  aliases: ['shop.creat'],
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Opens a shop for the caller (unique, immutable name; at most 3 per student); answers its random 9-digit shop_id.",
  schema: Joi.object({
    shop_name: Joi.string().trim().min(1).max(100).required(),
    shop_content: Joi.string().max(2000).allow('').default(''),
  }),
  handler: (params, call, app) => app.use(shopService).create(call, params),
});
