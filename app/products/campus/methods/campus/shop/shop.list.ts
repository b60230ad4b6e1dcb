import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import type { Page } from '../../../../../platform/paging';
import { orderField, pagingFields, type Paging, type SortOrder } from '../../../fields';
import { SHOP_ORDER_COLUMNS, shopService, type Shop } from '../../../services/shops';

interface Params extends Paging {
  shop_name: string;
  order: SortOrder;
}

export const campusShopList = defineMethod<Params, Page<Shop>>({
  name: 'shop.list',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Shops whose name contains shop_name (empty: all), by ORD (default creat_time ASC), paged.',
  schema: Joi.object({
    shop_name: Joi.string().trim().max(100).allow('').required(),
    order: orderField(SHOP_ORDER_COLUMNS).default([]),
    ...pagingFields(),
  }),
  handler: ({ shop_name, order, page, count }, _call, app) => app.use(shopService).list({ shop_name }, order, { page, count }),
});
