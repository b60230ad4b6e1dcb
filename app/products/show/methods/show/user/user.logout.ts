import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { showAuthService } from '../../../services/auth';

export const showUserLogout = defineMethod<Record<string, never>, Record<string, never>>({
  name: 'user.logout',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Ends the caller's show session for good.",
  schema: Joi.object({}),
  async handler(_params, call, app) {
    await app.use(showAuthService).logout(call.user!);
    return {};
  },
});
