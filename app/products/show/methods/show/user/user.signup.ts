import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { codeField, newPasswordField, phoneSchema } from '../../../fields';
import { showAuthService, type Auth, type Phone } from '../../../services/auth';

type Params = Phone & { code: string; password: string; nickname: string };

export const showUserSignup = defineMethod<Params, Auth>({
  name: 'user.signup',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Signs up with a phone, its code, a password and a nickname; answers a show session and the uid.',
  schema: phoneSchema({
    code: codeField().required(),
    password: newPasswordField().required(),
    nickname: Joi.string().trim().min(1).max(20).required(),
  }),
  handler: (params, call, app) => app.use(showAuthService).signup(params, call),
});
