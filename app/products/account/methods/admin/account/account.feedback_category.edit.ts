import Joi from 'joi';
import { adminIdField, idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { appIdField, categoryFields } from '../../../fields';
import { feedbackCategoryService } from '../../../services/feedbackCategories';

export const adminAccountFeedbackCategoryEdit = defineMethod<{ admin_id: number; id: number; app_id?: string; name?: string; description?: string }>({
  name: 'account.feedback_category.edit',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Changes the given fields of a feedback category.',
  schema: Joi.object({ admin_id: adminIdField(), id: idField().required(), app_id: appIdField(), ...categoryFields() }),
  async handler({ admin_id, id, ...changes }, _call, app) {
    return app.use(feedbackCategoryService).edit(id, changes, admin_id);
  },
});
