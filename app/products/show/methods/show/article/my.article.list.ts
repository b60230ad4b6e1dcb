import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pagingFields, type PageParams } from '../../../fields';
import { showArticles, type MyArticle } from '../../../services/articles';

export const showMyArticleList = defineMethod<PageParams, { my_article_list: MyArticle[]; total: number; isnext: boolean }>({
  name: 'my.article.list',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The caller's own live articles (MyArticle: no uid), newest first; paged (limit, offset).",
  schema: Joi.object(pagingFields()),
  async handler(params, call, app) {
    const articles = app.use(showArticles);
    const page = await articles.mine(call.user!.userId, params);
    return { my_article_list: page.rows.map((row) => articles.presentOwn(row)), total: page.total, isnext: page.isnext };
  },
});
