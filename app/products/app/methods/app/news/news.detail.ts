import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { newsService, type NewsDetail } from '../../../services/content/news';

export const newsDetail = defineMethod<{ news_id: number }, NewsDetail>({
  name: 'news.detail',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'One published article with its HTML content.',
  schema: Joi.object({ news_id: idField().required() }),
  async handler({ news_id }, _call, app) {
    return app.use(newsService).detail(news_id);
  },
});
