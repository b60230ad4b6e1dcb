import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { CAT_TYPE, categoryService, type CategoryTree } from '../../../services/content/categories';

export const systemCategoryList = defineMethod<{ cat_type: number; parentid: number }, CategoryTree>({
  name: 'system.category.list',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'The category tree of a type (1 news, 2 link, 3 goods) under a parent, keyed "0_<cat_id>".',
  schema: Joi.object({
    cat_type: Joi.number().integer().valid(...Object.values(CAT_TYPE)).required(),
    parentid: Joi.number().integer().min(0).default(0),
  }),
  async handler({ cat_type, parentid }, _call, app) {
    return app.use(categoryService).tree(cat_type, parentid);
  },
});
