import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { idParam } from '../../../fields';
import { faqService } from '../../../services/faqs';

export const faqDetail = defineMethod<{ id: number }>({
  name: 'faq.detail',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'One FAQ page visible to the caller.',
  schema: Joi.object(idParam()),
  async handler({ id }, call, app) {
    return app.use(faqService).detail(call.appid, id);
  },
});
