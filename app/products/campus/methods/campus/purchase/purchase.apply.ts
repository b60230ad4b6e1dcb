import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { priceClaimField, productIdField } from '../../../fields';
import { purchaseService, type PurchaseApplication } from '../../../services/purchases';

export const campusPurchaseApply = defineMethod<PurchaseApplication, { purchase_id: string }>({
  name: 'purchase.apply',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'A purchase of an on-sale product awaiting payment; the prices the client shows must be the current ones.',
  schema: Joi.object({
    product_id: productIdField().required(),
    product_num: Joi.number().integer().min(1).max(99).required(),
    product_unitprice: priceClaimField().required(),
    product_totalprice: priceClaimField().required(),
  }),
  handler: (params, call, app) => app.use(purchaseService).apply(call.user!.userId, params),
});
