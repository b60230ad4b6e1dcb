import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { idField } from '../../../../../core/fields';
import { nearbyMessageService } from '../../../services/messages';

export const msgSign = defineMethod<{ msg_id: number }, Record<string, never>>({
  name: 'msg.sign',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Marks one received message read (already read is fine).',
  schema: Joi.object({ msg_id: idField().required() }),
  async handler(params, call, app) {
    await app.use(nearbyMessageService).sign(call.user!.userId, params.msg_id);
    return {};
  },
});
