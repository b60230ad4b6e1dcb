import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { purchaseIdField } from '../../../fields';
import { purchaseService, type PurchaseDetail } from '../../../services/purchases';

export const campusPurchaseInfo = defineMethod<{ purchase_id: string }, PurchaseDetail>({
  name: 'purchase.info',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "One of the caller's purchases with its product line.",
  schema: Joi.object({ purchase_id: purchaseIdField().required() }),
  handler: ({ purchase_id }, call, app) => app.use(purchaseService).info(call.user!.userId, purchase_id),
});
