import { defineMethod, Reply } from '../../../../../registry/method';
import { userCodeParams, userCodeSender, type UserCodeParams } from '../../../../../platform/verify/sms/userCodes';

export const nearbySmsSend = defineMethod<UserCodeParams>({
  name: 'sms.send',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Sends a one-time SMS code for registration (USER_REGISTER_CODE) or login (USER_LOGIN_CODE).',
  schema: userCodeParams(['USER_REGISTER_CODE', 'USER_LOGIN_CODE']),
  async handler(params, call, app) {
    await app.use(userCodeSender).send(params, call);
    return new Reply('发送成功');
  },
});
