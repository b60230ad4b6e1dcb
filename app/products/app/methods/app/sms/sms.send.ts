import { defineMethod, Reply } from '../../../../../registry/method';
import { USER_CODE_KEYS, userCodeParams, userCodeSender, type UserCodeParams } from '../../../../../platform/verify/sms/userCodes';

export const smsSend = defineMethod<UserCodeParams>({
  name: 'sms.send',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: true,
  summary: 'Sends a member a one-time SMS code for registration, login, password recovery or a mobile change.',
  schema: userCodeParams(USER_CODE_KEYS),
  async handler(params, call, app) {
    await app.use(userCodeSender).send(params, call);
    return new Reply('发送成功');
  },
});
