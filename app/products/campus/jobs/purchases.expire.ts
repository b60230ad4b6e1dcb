import { defineJob } from '../../../platform/jobs/job';
import { PAYMENT_WINDOW_SEC, purchaseService } from '../services/purchases';

/** Decision 8: a purchase left `paying` for 30 minutes is cancelled (nothing was reserved, so nothing is given back). */
export const campusPurchasesExpire = defineJob({
  name: 'campus.purchases.expire',
  summary: `cancels campus purchases left unpaid for ${PAYMENT_WINDOW_SEC / 60} minutes`,
  everyMs: 60_000,
  async run(app) {
    return { cancelled: await app.use(purchaseService).expireUnpaid() };
  },
});
