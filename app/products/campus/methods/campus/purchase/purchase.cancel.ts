import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { purchaseIdField } from '../../../fields';
import { purchaseService } from '../../../services/purchases';

export const campusPurchaseCancel = defineMethod<{ purchase_id: string }, Record<string, never>>({
  name: 'purchase.cancel',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Cancels the caller's purchase while it awaits payment.",
  schema: Joi.object({ purchase_id: purchaseIdField().required() }),
  async handler({ purchase_id }, call, app) {
    await app.use(purchaseService).cancel(call.user!.userId, purchase_id);
    return {};
  },
});
