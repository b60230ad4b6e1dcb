import { defineMethod } from '../../registry/method';
import { userCodeParams, userCodeSender, type UserCodeParams } from '../../services/sms/userCodes';

export const activitySmsSend = defineMethod<UserCodeParams>({
  name: 'sms.send',
  namespaces: ['activity'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Campaign pages: a registration or login SMS code for a member.',
  schema: userCodeParams(['USER_REGISTER_CODE', 'USER_LOGIN_CODE']),
  handler: (params, call, app) => app.use(userCodeSender).send(params, call),
});
