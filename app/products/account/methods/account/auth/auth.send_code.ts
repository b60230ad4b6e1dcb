import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { accountParams, type AccountParams } from '../../../fields';
import { parseAccount } from '../../../services/auth';
import { signupService } from '../../../services/signup';

export const authSendCode = defineMethod<AccountParams>({
  name: 'auth.send_code',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Sends a 6-digit code to the phone (SMS) or e-mail address; once a minute, capped per day.',
  schema: Joi.object(accountParams()),
  async handler({ area, account }, call, app) {
    await app.use(signupService).sendCode(parseAccount(area, account), call);
    return {};
  },
});
