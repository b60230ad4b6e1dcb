import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { accountService } from '../../../../../platform/identity/accounts';

export const nearbyUserLogout = defineMethod<Record<string, never>, Record<string, never>>({
  name: 'user.logout',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'optional',
  writes: true,
  summary: 'Ends the caller\'s nearby session for good; a dead or missing token is fine.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    if (call.user) await app.use(accountService).logout(call.user);
    return {};
  },
});
