import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pageFields, type PageParams } from '../../../fields';
import { pushLogService } from '../../../services/pushLogs';

export const pushLogList = defineMethod<PageParams>({
  name: 'push.log.list',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Sent pushes visible to the caller (broadcast or listing them, not hidden), newest first, paged.',
  schema: Joi.object(pageFields()),
  async handler(paging, call, app) {
    return app.use(pushLogService).list({ userId: call.user!.userId, appid: call.appid }, paging);
  },
});
