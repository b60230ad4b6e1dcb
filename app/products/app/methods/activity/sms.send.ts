import { defineMethod, Reply } from '../../../../registry/method';
import { userCodeParams, userCodeSender, type UserCodeParams } from '../../../../platform/verify/sms/userCodes';

export const activitySmsSend = defineMethod<UserCodeParams>({
  name: 'sms.send',
  namespaces: ['activity'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Campaign pages: a registration or login SMS code for a member.',
  schema: userCodeParams(['USER_REGISTER_CODE', 'USER_LOGIN_CODE']),
  async handler(params, call, app) {
    await app.use(userCodeSender).send(params, call);
    return new Reply('发送成功');
  },
});
