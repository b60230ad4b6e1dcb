import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { insertId, transaction } from '../../../storage/db';
import { showErrors } from '../errors';
import { showArticles } from './articles';
import { showBlocks } from './blocks';
import { presentComments, type CommentRow } from './comments';
import { offsetPage, type OffsetPage } from './paging';

/** The catalogue's AComment. */
export interface ArticleComment {
  article_comment_id: string;
  uid: string;
  content: string;
  created_at: number;
}

/** How many comments `article.detail` carries (decision 2). */
export const DETAIL_COMMENTS = 100;

/**
 * Comments on articles. `comment_count` moves in the transaction that inserts or deletes the rows, by
 * exactly the rows that statement touched, so it never drifts under parallel comments and deletes.
 */
export class ShowArticleComments {
  constructor(private readonly app: AppContext) {}

  /** A comment on a live article, refused when its author blocks the commenter (decision 14). */
  async publish(userId: number, articleId: number, content: string): Promise<number> {
    return transaction(this.app.db, async (trx) => {
      const article = await this.app.use(showArticles).live(articleId, trx);
      if (await this.app.use(showBlocks).blocks(Number(article.user_id), userId, trx)) throw showErrors.blocked();
      const id = await insertId(trx('show_article_comments').insert({ article_id: articleId, user_id: userId, content, c_time: unixSeconds(this.app.clock) }));
      // Deleted since it was read: the comment is rolled back with the refusal.
      if (!(await trx('show_articles').where({ id: articleId, deleted_at: 0 }).increment('comment_count', 1))) throw showErrors.articleNotFound();
      return id;
    });
  }

  /** A page of a live article's comments, newest first. */
  async page(articleId: number, page: { limit: number; offset: number }): Promise<OffsetPage<ArticleComment>> {
    await this.app.use(showArticles).live(articleId);
    const found = await offsetPage<CommentRow>(this.newest(articleId), page);
    return { ...found, rows: await this.present(found.rows) };
  }

  /** The newest `DETAIL_COMMENTS` comments of an article. */
  async newestOf(articleId: number): Promise<ArticleComment[]> {
    return this.present((await this.newest(articleId).limit(DETAIL_COMMENTS)) as CommentRow[]);
  }

  /**
   * Deletes every listed comment or none: each must exist on a live article and be the caller's or on
   * the caller's article. A comment a parallel call deleted first makes the whole call refused.
   */
  async remove(userId: number, commentIds: readonly number[]): Promise<void> {
    await transaction(this.app.db, async (trx) => {
      const rows = (await trx('show_article_comments as c')
        .join('show_articles as a', 'a.id', 'c.article_id')
        .whereIn('c.id', commentIds)
        .where('a.deleted_at', 0)
        .select('c.article_id', 'c.user_id', 'a.user_id as author_id')) as Array<{ article_id: number; user_id: number; author_id: number }>;
      const allowed = rows.filter((row) => Number(row.user_id) === userId || Number(row.author_id) === userId);
      if (allowed.length !== commentIds.length) throw showErrors.commentNotFound();
      if ((await trx('show_article_comments').whereIn('id', commentIds).delete()) !== commentIds.length) throw showErrors.commentNotFound();
      const perArticle = new Map<number, number>();
      for (const row of rows) perArticle.set(Number(row.article_id), (perArticle.get(Number(row.article_id)) ?? 0) + 1);
      for (const [articleId, removed] of [...perArticle].sort(([a], [b]) => a - b)) {
        await trx('show_articles').where({ id: articleId }).decrement('comment_count', removed);
      }
    });
  }

  private newest(articleId: number) {
    return this.app.db('show_article_comments').where({ article_id: articleId }).orderBy('id', 'desc').select('id', 'user_id', 'content', 'c_time');
  }

  private present(rows: readonly CommentRow[]): Promise<ArticleComment[]> {
    return presentComments(this.app, rows, 'article_comment_id');
  }
}

export const showArticleComments = (app: AppContext): ShowArticleComments => new ShowArticleComments(app);
