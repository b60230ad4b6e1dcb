import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import type { Page } from '../../../../../platform/paging';
import { idField } from '../../../../../core/fields';
import { orderField, pagingFields, type Paging, type SortOrder } from '../../../fields';
import { SHOP_ORDER_COLUMNS, shopService, type Shop } from '../../../services/shops';

interface Params extends Paging {
  shop_name?: string;
  user_id?: number;
  order: SortOrder;
}

export const adminCampusShopList = defineMethod<Params, Page<Shop>>({
  name: 'campus.shop.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'All campus shops for staff, optionally by name fragment or owner user_id, by ORD, paged.',
  schema: Joi.object({
    shop_name: Joi.string().trim().max(100).allow(''),
    user_id: idField(),
    order: orderField(SHOP_ORDER_COLUMNS).default([]),
    ...pagingFields(),
  }),
  handler: ({ order, page, count, ...filter }, _call, app) => app.use(shopService).list(filter, order, { page, count }),
});
