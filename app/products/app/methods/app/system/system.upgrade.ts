import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { upgradeService, type Upgrade } from '../../../services/content/upgrades';

export const systemUpgrade = defineMethod<Record<string, never>, Upgrade>({
  name: 'system.upgrade',
  aliases: ['app.upgrade'],
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: false,
  summary: 'Whether this app version (platform, app_v, channel fixed parameters) should upgrade, and to what.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    return app.use(upgradeService).check({ platform: call.platform, appV: call.appV, channel: call.channel });
  },
});
