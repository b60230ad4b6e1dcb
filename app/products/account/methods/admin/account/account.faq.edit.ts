import Joi from 'joi';
import { adminIdField, idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { appIdField, faqFields } from '../../../fields';
import { faqService, type FaqInput } from '../../../services/faqs';

export const adminAccountFaqEdit = defineMethod<FaqInput & { id: number; admin_id: number }>({
  name: 'account.faq.edit',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Changes the given fields of an FAQ page.',
  schema: Joi.object({ admin_id: adminIdField(), id: idField().required(), app_id: appIdField(), ...faqFields() }),
  async handler({ admin_id, id, ...changes }, _call, app) {
    return app.use(faqService).edit(id, changes, admin_id);
  },
});
