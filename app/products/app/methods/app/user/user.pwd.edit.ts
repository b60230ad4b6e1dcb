import Joi from 'joi';
import { passwordAttemptField, passwordField } from '../../../../../core/fields';
import { defineMethod, Reply } from '../../../../../registry/method';
import { accountService } from '../../../../../platform/identity/accounts';

export const userPwdEdit = defineMethod<{ old_pwd: string; new_pwd: string }>({
  name: 'user.pwd.edit',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Change the password; a wrong old one counts towards the lockout; other sessions then answer 606.',
  schema: Joi.object({
    old_pwd: passwordAttemptField().required(),
    new_pwd: passwordField().required(),
  }),
  async handler(params, call, app) {
    await app.use(accountService).changePassword(call.user!, params.old_pwd, params.new_pwd);
    return new Reply('密码修改成功');
  },
});
