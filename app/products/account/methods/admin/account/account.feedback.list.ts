import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pageFields, type PageParams } from '../../../fields';
import { FEEDBACK_STATUS, feedbackService } from '../../../services/feedbacks';

export const adminAccountFeedbackList = defineMethod<PageParams & { feedback_status?: number }>({
  name: 'account.feedback.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: "Every user's feedback, newest first, optionally of one feedback_status (0 new, 1 replied, 2 closed).",
  schema: Joi.object({ feedback_status: Joi.number().integer().valid(...Object.values(FEEDBACK_STATUS)), ...pageFields() }),
  async handler({ feedback_status, ...paging }, _call, app) {
    return app.use(feedbackService).adminList(feedback_status, paging);
  },
});
