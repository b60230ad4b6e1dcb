import { defineMethod } from '../../registry/method';
import { USER_CODE_KEYS, userCodeParams, userCodeSender, type UserCodeParams } from '../../services/sms/userCodes';

export const smsSend = defineMethod<UserCodeParams>({
  name: 'sms.send',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: true,
  summary: 'Sends a member a one-time SMS code for registration, login, password recovery or a mobile change.',
  schema: userCodeParams(USER_CODE_KEYS),
  handler: (params, call, app) => app.use(userCodeSender).send(params, call),
});
