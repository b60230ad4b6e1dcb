import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { feedbackService } from '../../../services/feedbacks';

export const feedbackReply = defineMethod<{ feedback_id: number }>({
  name: 'feedback.reply',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  // Marking replies read is idempotent: a resent call changes nothing more (catalogue: W = n).
  writes: false,
  summary: "The latest staff reply to one of the caller's feedbacks ({} if none yet); marks its replies read.",
  schema: Joi.object({ feedback_id: idField().required() }),
  async handler({ feedback_id }, call, app) {
    return (await app.use(feedbackService).latestReply(call.user!.userId, feedback_id)) ?? {};
  },
});
