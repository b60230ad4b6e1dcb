import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { keywordsField, picRefField, priceField, productIdField, shopIdField } from '../../../fields';
import { productService, type ProductChanges } from '../../../services/products';

export const campusProductUpdate = defineMethod<ProductChanges, Record<string, never>>({
  name: 'product.update',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Changes a product of the caller's shop (status 2 deletes it); product_disprice below the price, or null to clear it.",
  schema: Joi.object({
    product_id: productIdField().required(),
    shop_id: shopIdField().required(),
    product_status: Joi.number().integer().valid(0, 1, 2).required(),
    product_name: Joi.string().trim().min(1).max(100),
    product_content: Joi.string().max(20000).allow(''),
    product_key: keywordsField(255),
    product_price: priceField().min(0.01),
    product_disprice: priceField().min(0.01).allow(null),
    pic_url: picRefField(1024),
  }),
  async handler(params, call, app) {
    await app.use(productService).update(call.user!.userId, params);
    return {};
  },
});
