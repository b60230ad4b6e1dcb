import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { feedbackService, type NewFeedback } from '../../../services/feedbacks';

export const feedbackCreate = defineMethod<NewFeedback>({
  name: 'feedback.create',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Files a feedback (status 0), at most 20 a day per user.',
  schema: Joi.object({
    feedback_content: Joi.string().trim().min(1).max(1000).required(),
    feedback_category_id: idField(),
    contact_phone: Joi.string().trim().allow('').max(20).pattern(/^[0-9+\- ]*$/),
  }),
  async handler(params, call, app) {
    return app.use(feedbackService).create(call.user!.userId, call.appid, params);
  },
});
