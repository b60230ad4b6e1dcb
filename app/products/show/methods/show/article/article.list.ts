import { articleFeedMethod } from '../../../articleMethods';
import { showArticles } from '../../../services/articles';

export const showArticleList = articleFeedMethod(
  'article.list',
  'article_list',
  (app, viewerId, page) => app.use(showArticles).feed(viewerId, page),
  'Every live article, newest first, without authors the caller blocks; paged (limit, offset).',
);
