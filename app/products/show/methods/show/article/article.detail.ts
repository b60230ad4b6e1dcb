import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdField } from '../../../fields';
import { showArticleComments, type ArticleComment } from '../../../services/articleComments';
import { showArticleReactions } from '../../../services/articleReactions';
import { showArticles, type Article } from '../../../services/articles';

interface ArticleDetail extends Article {
  is_like: boolean;
  is_collect: boolean;
  like_uid_list: string[];
  collect_uid_list: string[];
}

export const showArticleDetail = defineMethod<{ article_id: number }, { article_detail: ArticleDetail; article_comment_list: ArticleComment[] }>({
  name: 'article.detail',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'One article with counts, whether the caller liked / collected it, the 100 newest likers and collectors, and the 100 newest comments.',
  schema: Joi.object({ article_id: rowIdField().required() }),
  async handler(params, call, app) {
    const id = params.article_id;
    const me = call.user!.userId;
    const articles = app.use(showArticles);
    const reactions = app.use(showArticleReactions);
    const [article] = await articles.present([await articles.live(id)]);
    const [isLike, isCollect, likeUids, collectUids, comments] = await Promise.all([
      reactions.has('like', me, id),
      reactions.has('collect', me, id),
      reactions.newestUids('like', id),
      reactions.newestUids('collect', id),
      app.use(showArticleComments).newestOf(id),
    ]);
    return {
      article_detail: { ...article, is_like: isLike, is_collect: isCollect, like_uid_list: likeUids, collect_uid_list: collectUids },
      article_comment_list: comments,
    };
  },
});
