import { defineMethod } from '../../../../../registry/method';
import { phoneSchema } from '../../../fields';
import { showAuthService, type Phone } from '../../../services/auth';

export const showSendSmsCode = defineMethod<Phone, Record<string, never>>({
  name: 'send.sms.code',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Sends the show code (SHOW_AUTH_CODE: signup, login, reset) to a phone of an area (country, default 86).',
  schema: phoneSchema({}),
  async handler(params, call, app) {
    await app.use(showAuthService).sendCode(params, call);
    return {};
  },
});
