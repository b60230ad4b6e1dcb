import Joi from 'joi';
import { mobileField, passwordAttemptField, smsCodeField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { accountService, type LoginParams } from '../../../../../platform/identity/accounts';
import { userDirectory } from '../../../../../platform/identity/users';

interface Params {
  mobile: string;
  login_type: 1 | 2;
  code?: string;
  password?: string;
}

export const nearbyUserLogin = defineMethod<Params, { token: string; username: string }>({
  name: 'user.login',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Log in by SMS code (login_type 1) or password (2); answers a nearby session and the username.',
  schema: Joi.object({
    mobile: mobileField().required(),
    login_type: Joi.number().integer().valid(1, 2).required(),
    code: Joi.when('login_type', { is: 1, then: smsCodeField().required(), otherwise: Joi.forbidden() }),
    password: Joi.when('login_type', { is: 2, then: passwordAttemptField().min(1).required(), otherwise: Joi.forbidden() }),
  }),
  async handler(params, call, app) {
    const login: LoginParams =
      params.login_type === 1
        ? { mobile: params.mobile, login_type: 1, code: params.code! }
        : { mobile: params.mobile, login_type: 2, password: params.password! };
    const { token } = await app.use(accountService).login(login, call);
    const user = await app.use(userDirectory).byMobile(params.mobile);
    return { token, username: user?.username ?? '' };
  },
});
