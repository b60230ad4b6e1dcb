import Joi from 'joi';
import { adminIdField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { appIdField, categoryFields } from '../../../fields';
import { feedbackCategoryService } from '../../../services/feedbackCategories';

export const adminAccountFeedbackCategoryAdd = defineMethod<{ admin_id: number; app_id: string; name: string; description?: string }>({
  name: 'account.feedback_category.add',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Adds a feedback category (app_id "" = every appid).',
  schema: Joi.object({ admin_id: adminIdField(), app_id: appIdField().default(''), ...categoryFields(), name: categoryFields().name.required() }),
  async handler({ admin_id, ...input }, _call, app) {
    return app.use(feedbackCategoryService).add(input, admin_id);
  },
});
