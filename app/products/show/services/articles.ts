import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { insertId, type Knex } from '../../../storage/db';
import { showErrors } from '../errors';
import { showBlocks } from './blocks';
import { offsetPage, type OffsetPage } from './paging';
import { showPeople } from './people';

type Db = Knex | Knex.Transaction;

/** The catalogue's Article; MyArticle is the same without `uid`. */
export interface Article {
  article_id: string;
  uid: string;
  content: string;
  images: string[];
  created_at: number;
  like_count: number;
  collect_count: number;
  comment_count: number;
}

export type MyArticle = Omit<Article, 'uid'>;

export interface ArticleRow {
  id: number;
  user_id: number;
  content: string;
  images: string;
  like_count: number;
  collect_count: number;
  comment_count: number;
  c_time: number;
}

const COLUMNS = ['id', 'user_id', 'content', 'images', 'like_count', 'collect_count', 'comment_count', 'c_time'];

/** `deleted_at` of a live article: deleting stamps the time and nothing reads the row again. */
const LIVE = 0;

function imagesOf(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((url): url is string => typeof url === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Notes of the show feed (text plus up to nine pictures): publishing, soft deletion, the three feeds
 * and the Article shape. The counters on the row are kept by the reaction and comment services, each
 * in the transaction that adds or removes the row it counts.
 */
export class ShowArticles {
  constructor(private readonly app: AppContext) {}

  /** `images` are absolute URLs of the author's files, resolved by the caller. */
  publish(userId: number, article: { content: string; images: readonly string[] }): Promise<number> {
    return insertId(
      this.app.db('show_articles').insert({ user_id: userId, content: article.content, images: JSON.stringify(article.images), c_time: unixSeconds(this.app.clock) }),
    );
  }

  /** Soft delete of the author's own live article; 503 for anyone else's, a deleted or an unknown one. */
  async remove(userId: number, articleId: number): Promise<void> {
    // Never 0, which means live, even on a clock at the epoch.
    const stamp = Math.max(1, unixSeconds(this.app.clock));
    const changed = await this.app.db('show_articles').where({ id: articleId, user_id: userId, deleted_at: LIVE }).update({ deleted_at: stamp });
    if (!changed) throw showErrors.notYourArticle();
  }

  /** The live article, or 503 article not found. */
  async live(articleId: number, db: Db = this.app.db): Promise<ArticleRow> {
    const row = (await db('show_articles').where({ id: articleId, deleted_at: LIVE }).first(COLUMNS)) as ArticleRow | undefined;
    if (!row) throw showErrors.articleNotFound();
    return row;
  }

  /** Everyone's live articles, newest first, without the authors `viewerId` blocks (decision 14). */
  feed(viewerId: number, page: { limit: number; offset: number }): Promise<OffsetPage<ArticleRow>> {
    return offsetPage(this.newest().whereNotIn('user_id', this.app.use(showBlocks).blockedBy(viewerId)), page);
  }

  /** Live articles of the people `viewerId` follows, newest first (a block ends a follow, decision 14). */
  following(viewerId: number, page: { limit: number; offset: number }): Promise<OffsetPage<ArticleRow>> {
    return offsetPage(this.newest().whereIn('user_id', this.app.db('show_follows').select('to_user_id').where({ user_id: viewerId })), page);
  }

  /** The author's own live articles, newest first. */
  mine(userId: number, page: { limit: number; offset: number }): Promise<OffsetPage<ArticleRow>> {
    return offsetPage(this.newest().where({ user_id: userId }), page);
  }

  /** Rows as the catalogue's Article, authors named by uid. */
  async present(rows: readonly ArticleRow[]): Promise<Article[]> {
    const uids = await this.app.use(showPeople).uids(rows.map((row) => Number(row.user_id)));
    return rows.map((row) => {
      const { article_id, ...rest } = this.presentOwn(row);
      return { article_id, uid: uids.get(Number(row.user_id)) ?? '', ...rest };
    });
  }

  presentOwn(row: ArticleRow): MyArticle {
    return {
      article_id: String(row.id),
      content: row.content,
      images: imagesOf(row.images),
      created_at: Number(row.c_time),
      like_count: Number(row.like_count),
      collect_count: Number(row.collect_count),
      comment_count: Number(row.comment_count),
    };
  }

  private newest(): Knex.QueryBuilder {
    return this.app.db('show_articles').where({ deleted_at: LIVE }).orderBy('id', 'desc').select(COLUMNS);
  }
}

export const showArticles = (app: AppContext): ShowArticles => new ShowArticles(app);
