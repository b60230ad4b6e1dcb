import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { ifNewField, type IfNew } from '../../../fields';
import { nearbyMessageService } from '../../../services/messages';

export const msgFilter = defineMethod<{ type: string; subtype: string; if_new: IfNew }>({
  name: 'msg.filter',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Messages received by the caller of one type (and subtype), newest first.',
  schema: Joi.object({
    type: Joi.string().trim().min(1).max(32).required().messages({ 'any.required': 'type required', 'string.empty': 'type required' }),
    subtype: Joi.string().trim().max(32).allow('').default(''),
    if_new: ifNewField(),
  }),
  async handler(params, call, app) {
    return app.use(nearbyMessageService).filter(call.user!.userId, params);
  },
});
