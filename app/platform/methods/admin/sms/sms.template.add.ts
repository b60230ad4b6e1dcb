import { defineMethod } from '../../../../registry/method';
import { templateAdmin, type TemplateValues } from '../../../verify/templateAdmin';
import { templateAddSchema } from '../../../verify/templateFields';

type Params = TemplateValues & { admin_id: number; send_key: string; title: string; body: string; namespaces: string };

export const adminSmsTemplateAdd = defineMethod<Params>({
  name: 'sms.template.add',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Adds a template (code or system notice, SMS or e-mail, with its code rules); usable at once.',
  schema: templateAddSchema,
  async handler({ admin_id, ...values }, _call, app) {
    return app.use(templateAdmin).add(values, admin_id);
  },
});
