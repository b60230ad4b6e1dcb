import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pageFields, type PageParams } from '../../../fields';
import { feedbackService } from '../../../services/feedbacks';

export const feedbackList = defineMethod<PageParams>({
  name: 'feedback.list',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The caller's own feedbacks, newest first, paged.",
  schema: Joi.object(pageFields()),
  async handler(paging, call, app) {
    return app.use(feedbackService).list(call.user!.userId, paging);
  },
});
