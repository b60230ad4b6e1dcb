import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { nearbyMessageService } from '../../../services/messages';

export const msgMsgList = defineMethod<Record<string, never>>({
  name: 'msg.msg_list',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'One row per chat partner with the last message either way, latest first.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    return app.use(nearbyMessageService).conversations(call.user!.userId);
  },
});
