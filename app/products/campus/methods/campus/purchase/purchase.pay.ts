import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { purchaseIdField } from '../../../fields';
import { purchaseService } from '../../../services/purchases';

interface Params {
  purchase_id: string;
  pay_method: string;
}

export const campusPurchasePay = defineMethod<Params, Record<string, never>>({
  name: 'purchase.pay',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Pays a purchase from the caller's wallet to the shop owner's, once (pay_method: wallet).",
  schema: Joi.object({
    purchase_id: purchaseIdField().required(),
    // Any text: a method other than wallet is the catalogue's own refusal (200), not a parameter error.
    pay_method: Joi.string().trim().max(32).required(),
  }),
  async handler({ purchase_id, pay_method }, call, app) {
    await app.use(purchaseService).pay(call.user!.userId, purchase_id, pay_method);
    return {};
  },
});
