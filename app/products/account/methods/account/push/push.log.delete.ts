import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { idList } from '../../../fields';
import { pushLogService } from '../../../services/pushLogs';

export const pushLogDelete = defineMethod<{ ids?: number[] }>({
  name: 'push.log.delete',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Hides pushes from the caller's own history: the given ids, or all of it (the log stays for staff).",
  schema: Joi.object({ ids: idList(1000).min(1) }),
  async handler({ ids }, call, app) {
    await app.use(pushLogService).hide({ userId: call.user!.userId, appid: call.appid }, ids);
    return {};
  },
});
