import { defineMethod } from '../../../../registry/method';
import { templateAdmin, type TemplateValues } from '../../../verify/templateAdmin';
import { templateEditSchema } from '../../../verify/templateFields';

export const adminSmsTemplateEdit = defineMethod<TemplateValues & { admin_id: number; id: number }>({
  name: 'sms.template.edit',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Changes a template (send_key, title, body, trigger_type, namespaces, status, send_channel, ttl_sec, code_length, proof, provider_template_id).',
  schema: templateEditSchema,
  async handler({ admin_id, id, ...changes }, _call, app) {
    await app.use(templateAdmin).edit(id, changes, admin_id);
  },
});
