import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { startupService, type InitAnswer } from '../../../services/content/startup';

export const systemInit = defineMethod<Record<string, never>, InitAnswer>({
  name: 'system.init',
  namespaces: ['app'],
  since: '1.0.0',
  // 'optional' resolves the token like sessionService.touch: a live one slides, a dead one is a guest.
  user: 'optional',
  writes: false,
  summary: 'Launch bundle: token status, upgrade prompt, start-up ad, menu buttons and the dialog notice.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    return app.use(startupService).init(call);
  },
});
