import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, usernameKeyField } from '../../../fields';
import { nearbyMessageService } from '../../../services/messages';

interface Params {
  admin_id: number;
  title: string;
  content: string;
  type: string;
  subtype: string;
  extra: string;
  receiver?: string;
}

export const nearbyMsgSysSend = defineMethod<Params, { msg_id: number }>({
  name: 'nearby.msg.sys.send',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Sends a system message to one nearby user (receiver username) or, without a receiver, to everyone registered.',
  schema: Joi.object({
    admin_id: adminIdField(),
    title: Joi.string().max(100).allow('').default(''),
    content: Joi.string().min(1).max(2000).required(),
    type: Joi.string().trim().min(1).max(32).default('system'),
    subtype: Joi.string().trim().max(32).allow('').default('default'),
    extra: Joi.string().max(2000).allow('').default(''),
    receiver: usernameKeyField().allow(''),
  }),
  async handler({ admin_id: _admin, ...params }, _call, app) {
    return app.use(nearbyMessageService).sendSystem(params);
  },
});
