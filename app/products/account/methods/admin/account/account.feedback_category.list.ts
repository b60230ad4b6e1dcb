import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { appIdField, pageFields, type PageParams } from '../../../fields';
import { feedbackCategoryService } from '../../../services/feedbackCategories';

export const adminAccountFeedbackCategoryList = defineMethod<PageParams & { app_id?: string }>({
  name: 'account.feedback_category.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Feedback categories (one appid with the global ones when app_id is given), paged as the catalogue.',
  schema: Joi.object({ app_id: appIdField(), ...pageFields() }),
  async handler({ app_id, ...paging }, _call, app) {
    return app.use(feedbackCategoryService).list(app_id ?? null, paging);
  },
});
