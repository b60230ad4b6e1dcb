import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { linkService, type LinkGroup } from '../../../services/content/links';

export const systemLink = defineMethod<Record<string, never>, { list: LinkGroup[] }>({
  name: 'system.link',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Friendly links grouped by their category.',
  schema: Joi.object({}),
  async handler(_params, _call, app) {
    return { list: await app.use(linkService).groups() };
  },
});
