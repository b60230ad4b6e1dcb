import Joi from 'joi';
import { adminIdField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { appIdField, idList, pushTextFields } from '../../../fields';
import { PUSH_SCOPE, pushSender, type PushRequest } from '../../../services/pushSender';

export const adminAccountPushSend = defineMethod<PushRequest & { admin_id: number }>({
  name: 'account.push.send',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Pushes a notice to every user of app_id (scope 0) or to user_ids (scope 1), to bound devices with the switch on; logged with its status.',
  schema: Joi.object({
    admin_id: adminIdField(),
    app_id: appIdField().default(''),
    ...pushTextFields(),
    push_scope: Joi.number().integer().valid(PUSH_SCOPE.ALL, PUSH_SCOPE.LISTED).required(),
    user_ids: Joi.when('push_scope', { is: PUSH_SCOPE.LISTED, then: idList(1000).min(1).required(), otherwise: Joi.forbidden() }),
  }),
  async handler({ admin_id, ...request }, _call, app) {
    return app.use(pushSender).send(request, admin_id);
  },
});
