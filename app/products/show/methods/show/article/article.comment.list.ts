import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pagingFields, rowIdField, type PageParams } from '../../../fields';
import { showArticleComments, type ArticleComment } from '../../../services/articleComments';

export const showArticleCommentList = defineMethod<PageParams & { article_id: number }, { article_comment_list: ArticleComment[]; total: number; isnext: boolean }>({
  name: 'article.comment.list',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "An article's comments, newest first; paged (limit, offset).",
  schema: Joi.object({ article_id: rowIdField().required(), ...pagingFields() }),
  async handler(params, _call, app) {
    const page = await app.use(showArticleComments).page(params.article_id, params);
    return { article_comment_list: page.rows, total: page.total, isnext: page.isnext };
  },
});
