import Joi from 'joi';
import { defineMethod } from '../../../../registry/method';
import { jobRunner, type JobRun } from '../../../jobs/runner';

export const adminJobRun = defineMethod<{ name: string }, JobRun>({
  name: 'job.run',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Runs a periodic job now (`<product>.<job>`), under the same lease as the schedule: {name, duration_ms, counts}.',
  schema: Joi.object({ name: Joi.string().trim().max(100).required() }),
  async handler({ name }, _call, app) {
    return app.use(jobRunner).run(name);
  },
});
