import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField } from '../../../fields';
import { showArticleComments } from '../../../services/articleComments';

export const showArticleCommentPublish = defineMethod<{ article_id: number; content: string }, { article_comment_id: string }>({
  name: 'article.comment.publish',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Comments on an article (1..500 characters); refused when the article's author blocks the caller. Answers article_comment_id.",
  schema: Joi.object({ article_id: rowIdField().required(), content: Joi.string().trim().min(1).max(500).required() }),
  async handler(params, call, app) {
    const id = await app.use(showArticleComments).publish(call.user!.userId, params.article_id, params.content);
    return { article_comment_id: String(id) };
  },
});
