import Joi from 'joi';
import { adminIdField, idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { feedbackService } from '../../../services/feedbacks';

export const adminAccountFeedbackReply = defineMethod<{ admin_id: number; feedback_id: number; reply_content: string }>({
  name: 'account.feedback.reply',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Replies to a feedback as admin_id (the reply\'s manager_id); the feedback becomes replied (1).',
  schema: Joi.object({ admin_id: adminIdField(), feedback_id: idField().required(), reply_content: Joi.string().trim().min(1).max(2000).required() }),
  async handler({ admin_id, feedback_id, reply_content }, _call, app) {
    return app.use(feedbackService).reply(feedback_id, reply_content, admin_id);
  },
});
