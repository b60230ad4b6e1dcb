import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { accountParams, passwordAttempt, type AccountParams } from '../../../fields';
import { accountAuthService, parseAccount, type Tokens } from '../../../services/auth';

export const authAccessToken = defineMethod<AccountParams & { password: string }, Tokens>({
  name: 'auth.access_token',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Signs in with a phone or e-mail and the password: a 7-day access token and a refresh token.',
  schema: Joi.object({ ...accountParams(), password: passwordAttempt().required() }),
  async handler({ area, account, password }, call, app) {
    return app.use(accountAuthService).login(parseAccount(area, account), password, call);
  },
});
