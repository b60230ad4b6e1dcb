import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { clientIdParam } from '../../../fields';
import { pushClientService } from '../../../services/pushClients';

export const pushSwitchUpdate = defineMethod<{ client_id: string; switch: boolean }>({
  name: 'push.switch.update',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Turns pushes to one of the caller's bound devices on or off.",
  schema: Joi.object({ ...clientIdParam(), switch: Joi.boolean().required() }),
  async handler(params, call, app) {
    await app.use(pushClientService).setSwitch(call.appid, call.user!.userId, params.client_id, params.switch);
    return {};
  },
});
