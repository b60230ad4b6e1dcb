import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdListField } from '../../../fields';
import { showArticleComments } from '../../../services/articleComments';

export const showArticleCommentDel = defineMethod<{ article_comment_id_list: number[] }, Record<string, never>>({
  name: 'article.comment.del',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Deletes comments (1..100 ids), each the caller's own or on the caller's article: all of them or none.",
  schema: Joi.object({ article_comment_id_list: rowIdListField().required() }),
  async handler(params, call, app) {
    await app.use(showArticleComments).remove(call.user!.userId, params.article_comment_id_list);
    return {};
  },
});
