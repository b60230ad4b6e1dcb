import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { keywordsField, picRefField, priceField, shopIdField } from '../../../fields';
import { productService, type NewProduct } from '../../../services/products';

export const campusProductCreate = defineMethod<NewProduct, { product_id: number }>({
  name: 'product.create',
  aliases: ['product.creat'],
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Lists a product in the caller's shop (status 0 off sale or 1 on sale); answers its random 7-digit product_id.",
  schema: Joi.object({
    product_name: Joi.string().trim().min(1).max(100).required(),
    product_content: Joi.string().max(20000).allow(''),
    product_key: keywordsField(255),
    product_price: priceField().min(0.01).required(),
    shop_id: shopIdField().required(),
    pic_url: picRefField(1024),
    product_status: Joi.number().integer().valid(0, 1).required(),
  }),
  handler: (params, call, app) => app.use(productService).create(call.user!.userId, params),
});
