import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { productIdField } from '../../../fields';
import { productService, type Product } from '../../../services/products';

export const campusProductInfo = defineMethod<{ product_id: number }, Product>({
  name: 'product.info',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'One product (counts a click); a deleted one only for its shop owner.',
  schema: Joi.object({ product_id: productIdField().required() }),
  handler: ({ product_id }, call, app) => app.use(productService).info(call.user!.userId, product_id),
});
