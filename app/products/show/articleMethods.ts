import Joi from 'joi';
import { defineMethod, type MethodDefinition } from '../../registry/method';
import { pagingFields, rowIdField, type PageParams } from './fields';
import { showArticles, type Article, type ArticleRow } from './services/articles';
import { showArticleReactions, type Reaction } from './services/articleReactions';
import type { OffsetPage } from './services/paging';
import type { AppContext } from '../../context';

/**
 * Method modules the article family repeats with one difference each (which relation, which feed);
 * each method keeps its own file under methods/show/article/.
 */

/** like / unlike / collect / uncollect: idempotent, `{}` either way, 503 for an unknown or deleted article. */
export function articleReactionMethod(name: string, reaction: Reaction, undo: boolean, summary: string): MethodDefinition<{ article_id: number }, Record<string, never>> {
  return defineMethod<{ article_id: number }, Record<string, never>>({
    name,
    namespaces: ['show'],
    since: '1.0.0',
    user: 'required',
    writes: true,
    summary,
    schema: Joi.object({ article_id: rowIdField().required() }),
    async handler(params, call, app) {
      const reactions = app.use(showArticleReactions);
      await (undo ? reactions.remove(reaction, call.user!.userId, params.article_id) : reactions.add(reaction, call.user!.userId, params.article_id));
      return {};
    },
  });
}

type Feed = (app: AppContext, viewerId: number, page: PageParams) => Promise<OffsetPage<ArticleRow>>;

/** A paged list of Articles under `listKey` (article.list, following.article.list). */
export function articleFeedMethod<K extends string>(name: string, listKey: K, feed: Feed, summary: string): MethodDefinition<PageParams, Record<K | 'total' | 'isnext', unknown>> {
  return defineMethod<PageParams, Record<K | 'total' | 'isnext', unknown>>({
    name,
    namespaces: ['show'],
    since: '1.0.0',
    user: 'required',
    writes: false,
    summary,
    schema: Joi.object(pagingFields()),
    async handler(params, call, app) {
      const page = await feed(app, call.user!.userId, params);
      const list: Article[] = await app.use(showArticles).present(page.rows);
      return { [listKey]: list, total: page.total, isnext: page.isnext } as Record<K | 'total' | 'isnext', unknown>;
    },
  });
}
