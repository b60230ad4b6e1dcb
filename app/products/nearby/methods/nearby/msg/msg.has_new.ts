import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { nearbyMessageService } from '../../../services/messages';

export const msgHasNew = defineMethod<Record<string, never>>({
  name: 'msg.has_new',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Unread counts: system messages, private messages, and private ones per sender username.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    return app.use(nearbyMessageService).hasNew(call.user!.userId);
  },
});
