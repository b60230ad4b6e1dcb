import { defineJob } from '../../../platform/jobs/job';
import { pushSender } from '../services/pushSender';

/** Pushes too large to deliver inside `account.push.send` (over push.syncLimit devices), and any left pending by a crash. */
export const accountPushDeliver = defineJob({
  name: 'account.push.deliver',
  summary: 'delivers pending account pushes to the bound devices whose switch is on',
  everyMs: 60_000,
  leaseMs: 10 * 60_000,
  async run(app) {
    return app.use(pushSender).deliverPending();
  },
});
