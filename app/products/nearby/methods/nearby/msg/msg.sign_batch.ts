import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { usernameKeyField } from '../../../fields';
import { nearbyMessageService } from '../../../services/messages';

export const msgSignBatch = defineMethod<{ sys: number; private: number; people: string }, Record<string, never>>({
  name: 'msg.sign_batch',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Marks all system messages (sys=1) and/or all private ones (private=1, optionally from one person) read.',
  schema: Joi.object({
    sys: Joi.number().integer().valid(0, 1).default(0),
    private: Joi.number().integer().valid(0, 1).default(0),
    people: usernameKeyField().allow('').default(''),
  }),
  async handler(params, call, app) {
    await app.use(nearbyMessageService).signBatch(call.user!.userId, params);
    return {};
  },
});
