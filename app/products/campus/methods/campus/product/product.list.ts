import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import type { Page } from '../../../../../platform/paging';
import { orderField, pagingFields, shopIdField, type Paging, type SortOrder } from '../../../fields';
import { PRODUCT_LIST_TYPES, PRODUCT_ORDER_COLUMNS, productService, type Product, type ProductFilter } from '../../../services/products';

type Params = ProductFilter & Paging & { order: SortOrder };

export const campusProductList = defineMethod<Params, Page<Product>>({
  name: 'product.list',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Products by name and key fragments, shop and type (up, down, all; del for the owner), AND-ed, by ORD, paged.',
  schema: Joi.object({
    product_name: Joi.string().trim().max(100).allow(''),
    product_key: Joi.string().trim().max(255).allow(''),
    shop_id: shopIdField(),
    type: Joi.string().trim().lowercase().valid(...Object.keys(PRODUCT_LIST_TYPES)).default('up').messages({ 'any.only': '{{#label}} must be up, down, all or del' }),
    order: orderField(PRODUCT_ORDER_COLUMNS).default([]),
    ...pagingFields(),
  }),
  handler: ({ order, page, count, ...filter }, call, app) => app.use(productService).list(call.user!.userId, filter, order, { page, count }),
});
