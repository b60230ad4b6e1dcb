import Joi from 'joi';
import { mobileCodeNewPasswordFields } from '../../../../../core/fields';
import { defineMethod, Reply } from '../../../../../registry/method';
import { accountService, type Auth } from '../../../../../platform/identity/accounts';

export const userRegister = defineMethod<{ mobile: string; code: string; password: string }, Auth>({
  name: 'user.register',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Sign up with a mobile number, its USER_REGISTER_CODE and a password; answers a logged-in session.',
  schema: Joi.object(mobileCodeNewPasswordFields()),
  async handler(params, call, app) {
    return new Reply('注册成功', await app.use(accountService).register(params, call));
  },
});
