import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { accountAuthService } from '../../../services/auth';

export const authDestroyToken = defineMethod<Record<string, never>>({
  name: 'auth.destroy_token',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Signs out: the access token and its refresh token end; devices bound during this login are unbound.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    await app.use(accountAuthService).logout(call.user!);
    return {};
  },
});
