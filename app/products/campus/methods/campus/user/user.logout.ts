import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { campusAccounts } from '../../../services/accounts';

export const campusUserLogout = defineMethod<Record<string, never>, Record<string, never>>({
  name: 'user.logout',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'optional',
  writes: true,
  summary: "Ends the caller's campus session for good; a dead or missing token is fine.",
  schema: Joi.object({}),
  async handler(_params, call, app) {
    if (call.user) await app.use(campusAccounts).logout(call.user);
    return {};
  },
});
