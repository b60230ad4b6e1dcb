import Joi from 'joi';
import { mobileField, passwordAttemptField, smsCodeField } from '../../../../../core/fields';
import { refuse } from '../../../../../core/errors';
import { defineMethod, Reply } from '../../../../../registry/method';
import { accountService, type Auth } from '../../../../../platform/identity/accounts';

interface Params {
  mobile: string;
  login_type: 1 | 2;
  code?: string;
  password?: string;
}

export const userLogin = defineMethod<Params, Auth>({
  name: 'user.login',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Log in by SMS code (login_type 1) or password (2; the seed sends it in `code`, which is accepted).',
  schema: Joi.object({
    mobile: mobileField().required(),
    login_type: Joi.number().integer().valid(1, 2).required(),
    code: Joi.when('login_type', { is: 1, then: smsCodeField().required(), otherwise: passwordAttemptField().allow('') }),
    password: passwordAttemptField().allow(''),
  }),
  async handler(params, call, app) {
    const accounts = app.use(accountService);
    if (params.login_type === 1) {
      return new Reply('登录成功', await accounts.login({ mobile: params.mobile, login_type: 1, code: params.code! }, call));
    }
    const password = params.password || params.code;
    if (!password) throw refuse('"password" is required');
    return new Reply('登录成功', await accounts.login({ mobile: params.mobile, login_type: 2, password }, call));
  },
});
