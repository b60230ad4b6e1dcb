import Joi from 'joi';
import { mobileField, passwordAttemptField, smsCodeField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { accountService } from '../../../../../platform/identity/accounts';

export const userMobileChange = defineMethod<{ mobile: string; code: string; password: string }>({
  name: 'user.mobile.change',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Move the account to a new mobile (USER_MOBILE_CHANGE_CODE sent to it, plus the password); older sessions then answer 606.',
  schema: Joi.object({
    mobile: mobileField().required(),
    code: smsCodeField().required(),
    password: passwordAttemptField().required(),
  }),
  async handler(params, call, app) {
    await app.use(accountService).changeMobile(call.user!, params, call.ip);
  },
});
