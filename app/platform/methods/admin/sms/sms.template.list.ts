import { defineMethod } from '../../../../registry/method';
import { templateAdmin, type TemplateListFilter } from '../../../verify/templateAdmin';
import { templateListSchema } from '../../../verify/templateFields';

export const adminSmsTemplateList = defineMethod<TemplateListFilter>({
  name: 'sms.template.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Lists SMS and e-mail templates, newest first, paged; filters send_key, send_channel, namespace, status.',
  schema: templateListSchema,
  async handler(params, _call, app) {
    return app.use(templateAdmin).list(params);
  },
});
