import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { appIdField, pageFields, type PageParams } from '../../../fields';
import { faqService } from '../../../services/faqs';

export const adminAccountFaqList = defineMethod<PageParams & { app_id?: string }>({
  name: 'account.faq.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'FAQ pages of the account product (one appid with the global ones when app_id is given), paged as the catalogue.',
  schema: Joi.object({ app_id: appIdField(), ...pageFields() }),
  async handler({ app_id, ...paging }, _call, app) {
    return app.use(faqService).adminList(app_id, paging);
  },
});
