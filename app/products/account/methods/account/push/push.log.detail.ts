import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { idParam } from '../../../fields';
import { pushLogService } from '../../../services/pushLogs';

export const pushLogDetail = defineMethod<{ id: number }>({
  name: 'push.log.detail',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'One push visible to the caller (without push_status, as the seed).',
  schema: Joi.object(idParam()),
  async handler({ id }, call, app) {
    return app.use(pushLogService).detail({ userId: call.user!.userId, appid: call.appid }, id);
  },
});
