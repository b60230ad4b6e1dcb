import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { ALL_CATEGORIES, newsService, type NewsItem } from '../../../services/content/news';
import { pageParam, type Page } from '../../../../../platform/paging';

export const newsList = defineMethod<{ cat_id: number; page: number }, Page<NewsItem>>({
  name: 'news.list',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Published articles, newest first, paged; cat_id limits them to that category and its subtree.',
  schema: Joi.object({
    cat_id: Joi.number().integer().min(ALL_CATEGORIES).default(ALL_CATEGORIES),
    page: pageParam,
  }),
  async handler({ cat_id, page }, _call, app) {
    return app.use(newsService).list(cat_id, page);
  },
});
