import Joi from 'joi';
import { mobileCodeNewPasswordFields } from '../../../../../core/fields';
import { defineMethod, Reply } from '../../../../../registry/method';
import { accountService } from '../../../../../platform/identity/accounts';

export const userPwdFind = defineMethod<{ mobile: string; code: string; password: string }>({
  name: 'user.pwd.find',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Reset the password with a USER_PWD_FIND_CODE; ends every older session and any lockout.',
  schema: Joi.object(mobileCodeNewPasswordFields()),
  async handler(params, call, app) {
    await app.use(accountService).resetPassword(params, call);
    return new Reply('密码找回成功');
  },
});
