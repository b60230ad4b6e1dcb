import Joi from 'joi';
import { adminIdField, idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { faqService } from '../../../services/faqs';

export const adminAccountFaqDelete = defineMethod<{ id: number; admin_id: number }>({
  name: 'account.faq.delete',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Deletes an FAQ page.',
  schema: Joi.object({ admin_id: adminIdField(), id: idField().required() }),
  async handler({ id }, _call, app) {
    await app.use(faqService).remove(id);
    return {};
  },
});
