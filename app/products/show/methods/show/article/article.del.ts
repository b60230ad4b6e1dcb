import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField } from '../../../fields';
import { showArticles } from '../../../services/articles';

export const showArticleDel = defineMethod<{ article_id: number }, Record<string, never>>({
  name: 'article.del',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Deletes one of the caller's own articles (soft: it leaves every list and detail).",
  schema: Joi.object({ article_id: rowIdField().required() }),
  async handler(params, call, app) {
    await app.use(showArticles).remove(call.user!.userId, params.article_id);
    return {};
  },
});
