import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { accountParams, codeField, type AccountParams } from '../../../fields';
import { parseAccount } from '../../../services/auth';
import { signupService } from '../../../services/signup';

export const authCheckCode = defineMethod<AccountParams & { code: string }>({
  name: 'auth.check_code',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'none',
  // A right code is not consumed; a wrong one counts towards voiding it, as the code rules decide.
  writes: false,
  summary: 'Checks a code without using it up (700 when wrong or expired; five wrong void it).',
  schema: Joi.object({ ...accountParams(), code: codeField().required() }),
  async handler({ area, account, code }, call, app) {
    await app.use(signupService).checkCode(parseAccount(area, account), code, call);
    return {};
  },
});
