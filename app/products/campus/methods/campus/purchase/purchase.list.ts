import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import type { Page } from '../../../../../platform/paging';
import { pagingFields, type Paging } from '../../../fields';
import { PURCHASE_STATES, purchaseService, type Purchase } from '../../../services/purchases';

export const campusPurchaseList = defineMethod<Paging & { state?: string }, Page<Purchase>>({
  name: 'purchase.list',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The caller's purchases, newest first, optionally of one state (paying, paid, cancelled), paged.",
  schema: Joi.object({
    state: Joi.string().trim().valid(...PURCHASE_STATES),
    ...pagingFields(),
  }),
  handler: ({ state, page, count }, call, app) => app.use(purchaseService).list({ user_id: call.user!.userId, state }, { page, count }),
});
