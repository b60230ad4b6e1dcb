import Joi from 'joi';
import { adminIdField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { appIdField, faqFields } from '../../../fields';
import { faqService, type FaqInput } from '../../../services/faqs';

export const adminAccountFaqAdd = defineMethod<FaqInput & { title: string; content: string; admin_id: number }>({
  name: 'account.faq.add',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Adds an FAQ page of the account product (app_id "" = every appid).',
  schema: Joi.object({ admin_id: adminIdField(), app_id: appIdField().default(''), ...faqFields(), title: faqFields().title.required(), content: faqFields().content.required() }),
  async handler({ admin_id, ...input }, _call, app) {
    return app.use(faqService).add(input, admin_id);
  },
});
