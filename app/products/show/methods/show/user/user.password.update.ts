import { defineMethod } from '../../../../../registry/method';
import { codeField, newPasswordField, phoneSchema } from '../../../fields';
import { showAuthService, type Phone } from '../../../services/auth';

type Params = Phone & { code: string; password: string };

export const showUserPasswordUpdate = defineMethod<Params, Record<string, never>>({
  name: 'user.password.update',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Sets a new password with the phone and its code; every older session then answers 606.',
  schema: phoneSchema({ code: codeField().required(), password: newPasswordField().required() }),
  async handler(params, call, app) {
    await app.use(showAuthService).resetPassword(params, call);
    return {};
  },
});
