import { articleFeedMethod } from '../../../articleMethods';
import { showArticles } from '../../../services/articles';

export const showFollowingArticleList = articleFeedMethod(
  'following.article.list',
  'following_article_list',
  (app, viewerId, page) => app.use(showArticles).following(viewerId, page),
  'Live articles of the people the caller follows, newest first; paged (limit, offset).',
);
