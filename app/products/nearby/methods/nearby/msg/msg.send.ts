import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { usernameKeyField } from '../../../fields';
import { nearbyMessageService } from '../../../services/messages';

export const msgSend = defineMethod<{ receiver: string; title: string; content: string }, { msg_id: number }>({
  name: 'msg.send',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Sends a private message to a user by username.',
  schema: Joi.object({
    receiver: usernameKeyField().min(1).max(11).required(),
    title: Joi.string().max(100).allow('').default(''),
    content: Joi.string().min(1).max(2000).required(),
  }),
  async handler(params, call, app) {
    return app.use(nearbyMessageService).send(call.user!.userId, params);
  },
});
