import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { accountParams, codeField, newPasswordField, type AccountParams } from '../../../fields';
import { parseAccount, type Tokens } from '../../../services/auth';
import { signupService } from '../../../services/signup';

export const authRegister = defineMethod<AccountParams & { code: string; password: string }, Tokens>({
  name: 'auth.register',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Signs up with a phone or e-mail, the code sent to it and a password: Tokens (604 when already registered).',
  schema: Joi.object({ ...accountParams(), code: codeField().required(), password: newPasswordField().required() }),
  async handler({ area, account, code, password }, call, app) {
    return app.use(signupService).register(parseAccount(area, account), code, password, call);
  },
});
