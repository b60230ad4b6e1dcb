import Joi from 'joi';
import { mobileCodeNewPasswordFields } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { accountService } from '../../../../../platform/identity/accounts';
import { usernameField } from '../../../fields';

interface Params {
  mobile: string;
  code: string;
  password: string;
  username: string;
}

export const nearbyUserRegister = defineMethod<Params, { token: string; username: string }>({
  name: 'user.register',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Sign up with a mobile, its USER_REGISTER_CODE, a password and a unique username; answers a nearby session.',
  schema: Joi.object({ ...mobileCodeNewPasswordFields(), username: usernameField().required() }),
  async handler(params, call, app) {
    const username = params.username.toLowerCase();
    const { token } = await app.use(accountService).register({ ...params, username }, call);
    return { token, username };
  },
});
