import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { requestTokenService } from '../../../../../platform/gateway/requestTokens';

export const systemRequestToken = defineMethod<{ number: number }, { token: string; tokens: string[] }>({
  name: 'system.request.token',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: true,
  summary: 'Anti-duplicate-submission tokens: single use, 30 minutes, bound to the user (or the appid for guests).',
  schema: Joi.object({
    number: Joi.number().integer().min(1).max(5).default(1),
  }),
  async handler({ number }, call, app) {
    const tokens = await app.use(requestTokenService).issue(call, number);
    return { token: tokens[0], tokens };
  },
});
