import { defineJob } from '../../../platform/jobs/job';
import { PAYMENT_WINDOW_SEC, showOrderService } from '../services/orders';

/** Decision 5: an order left unpaid for 30 minutes is cancelled and its tickets go back, once. */
export const showOrdersExpire = defineJob({
  name: 'show.orders.expire',
  summary: `cancels show ticket orders left unpaid for ${PAYMENT_WINDOW_SEC / 60} minutes and gives their tickets back`,
  everyMs: 60_000,
  async run(app) {
    return { cancelled: await app.use(showOrderService).expireUnpaid() };
  },
});
