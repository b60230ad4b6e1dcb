import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { ifNewField, type IfNew } from '../../../fields';
import { nearbyMessageService } from '../../../services/messages';

export const msgSys = defineMethod<{ if_new: IfNew }>({
  name: 'msg.sys',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'System messages to the caller (their own and broadcasts since they registered), newest first.',
  schema: Joi.object({ if_new: ifNewField() }),
  async handler(params, call, app) {
    return app.use(nearbyMessageService).system(call.user!.userId, params.if_new);
  },
});
