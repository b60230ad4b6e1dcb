import { defineMethod } from '../../../../../registry/method';
import { codeField, newPasswordField, phoneSchema } from '../../../fields';
import { showAuthService, type Auth, type Phone } from '../../../services/auth';

type Params = Phone & { password?: string; code?: string };

export const showUserLogin = defineMethod<Params, Auth>({
  name: 'user.login',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Logs in with a phone and exactly one of password or code; answers a show session and the uid.',
  schema: phoneSchema({ password: newPasswordField(), code: codeField() }).xor('password', 'code'),
  handler: (params, call, app) => app.use(showAuthService).login(params, call),
});
