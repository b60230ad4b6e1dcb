import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import type { Page } from '../../../../../platform/paging';
import { idField } from '../../../../../core/fields';
import { pagingFields, shopIdField, type Paging } from '../../../fields';
import { PURCHASE_STATES, purchaseService, type Purchase } from '../../../services/purchases';

interface Params extends Paging {
  shop_id?: number;
  user_id?: number;
  state?: string;
}

export const adminCampusPurchaseList = defineMethod<Params, Page<Purchase>>({
  name: 'campus.purchase.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: "Campus purchases for staff by shop_id or buyer user_id (at least one), newest first, paged.",
  schema: Joi.object({
    shop_id: shopIdField(),
    user_id: idField(),
    state: Joi.string().trim().valid(...PURCHASE_STATES),
    ...pagingFields(),
  })
    .or('shop_id', 'user_id')
    .messages({ 'object.missing': 'give shop_id or user_id' }),
  handler: ({ page, count, ...filter }, _call, app) => app.use(purchaseService).list(filter, { page, count }),
});
