import { defineMethod } from '../../../../../registry/method';
import { configSetSchema, setConfig, type ConfigSetParams } from '../../../backoffice/configs';

export const adminConfigSet = defineMethod<ConfigSetParams>({
  name: 'config.set',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Creates or replaces a setting; the system.init keys must hold a URL or "text:::URL".',
  schema: configSetSchema,
  async handler(params, _call, app) {
    await setConfig(app, params);
  },
});
