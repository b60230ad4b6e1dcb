import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { idParam } from '../../../fields';
import { feedbackService } from '../../../services/feedbacks';

export const feedbackDelete = defineMethod<{ id: number }>({
  name: 'feedback.delete',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Removes one of the caller's feedbacks (and its replies) from their view.",
  schema: Joi.object(idParam()),
  async handler({ id }, call, app) {
    await app.use(feedbackService).remove(call.user!.userId, id);
    return {};
  },
});
