import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { clientIdParam } from '../../../fields';
import { pushClientService } from '../../../services/pushClients';

export const pushSwitch = defineMethod<{ client_id: string }>({
  name: 'push.switch',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "One of the caller's push bindings with its switch.",
  schema: Joi.object(clientIdParam()),
  async handler({ client_id }, call, app) {
    return app.use(pushClientService).get(call.appid, call.user!.userId, client_id);
  },
});
