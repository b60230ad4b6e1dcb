import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { refreshTokenService } from '../../../../../platform/sessions/refreshTokens';
import { clientIdParam } from '../../../fields';
import { CLIENT_TYPES, pushClientService, type ClientType } from '../../../services/pushClients';

export const pushBind = defineMethod<{ client_id: string; client_type: ClientType }>({
  name: 'push.bind',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Binds the push provider's client id of this device to the caller (moving it from another user); switched on at the first bind.",
  schema: Joi.object({ ...clientIdParam(), client_type: Joi.string().valid(...CLIENT_TYPES).required() }),
  async handler({ client_id, client_type }, call, app) {
    const sessionId = (await app.use(refreshTokenService).sessionIdOf(call.user!)) ?? '';
    return app.use(pushClientService).bind({ appid: call.appid, userId: call.user!.userId, sessionId, clientId: client_id, clientType: client_type });
  },
});
