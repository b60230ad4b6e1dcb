import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pageFields, type PageParams } from '../../../fields';
import { feedbackCategoryService } from '../../../services/feedbackCategories';

export const feedbackCategoryList = defineMethod<PageParams>({
  name: 'feedback_category.list',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "Feedback categories of the caller's appid and the global ones, paged.",
  schema: Joi.object(pageFields()),
  async handler(paging, call, app) {
    return app.use(feedbackCategoryService).list(call.appid, paging);
  },
});
