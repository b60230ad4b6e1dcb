import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pageFields, type PageParams } from '../../../fields';
import { faqService } from '../../../services/faqs';

export const faqList = defineMethod<PageParams>({
  name: 'faq.list',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "FAQ pages of the caller's appid and the global ones, paged.",
  schema: Joi.object(pageFields()),
  async handler(paging, call, app) {
    return app.use(faqService).list(call.appid, paging);
  },
});
