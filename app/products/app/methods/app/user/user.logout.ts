import Joi from 'joi';
import { defineMethod, Reply } from '../../../../../registry/method';
import { accountService } from '../../../../../platform/identity/accounts';

export const userLogout = defineMethod<Record<string, never>>({
  name: 'user.logout',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: true,
  summary: 'Ends the caller\'s session for good (and a phone\'s push binding); a dead or missing token is fine.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    if (call.user) await app.use(accountService).logout(call.user);
    return new Reply('退出成功');
  },
});
