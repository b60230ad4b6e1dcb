import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { isUniqueViolation, transaction } from '../../../storage/db';
import { showErrors } from '../errors';
import { showArticles } from './articles';
import { showPeople } from './people';

/** A like or a collect: the table of its rows and the article counter that counts them. */
export const REACTIONS = {
  like: { table: 'show_article_likes', counter: 'like_count' },
  collect: { table: 'show_article_collects', counter: 'collect_count' },
} as const;
export type Reaction = keyof typeof REACTIONS;

/** How many likers / collectors `article.detail` names (decision 1). */
export const DETAIL_UIDS = 100;

/**
 * Likes and collects of articles, idempotent both ways. The counter moves only when this transaction
 * itself inserted or deleted the row, so parallel likes, unlikes and repeats never make it drift from
 * the rows: a repeated like meets the primary key and changes nothing, an unlike that finds no row
 * changes nothing.
 */
export class ShowArticleReactions {
  constructor(private readonly app: AppContext) {}

  async add(reaction: Reaction, userId: number, articleId: number): Promise<void> {
    const { table, counter } = REACTIONS[reaction];
    await transaction(this.app.db, async (trx) => {
      try {
        await trx(table).insert({ article_id: articleId, user_id: userId, c_time: unixSeconds(this.app.clock) });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        await this.app.use(showArticles).live(articleId, trx); // already so: 200, if the article still exists
        return;
      }
      // The conditional update is the existence check too: a deleted article rolls the row back.
      if (!(await trx('show_articles').where({ id: articleId, deleted_at: 0 }).increment(counter, 1))) throw showErrors.articleNotFound();
    });
  }

  async remove(reaction: Reaction, userId: number, articleId: number): Promise<void> {
    const { table, counter } = REACTIONS[reaction];
    await transaction(this.app.db, async (trx) => {
      if (!(await trx(table).where({ article_id: articleId, user_id: userId }).delete())) {
        await this.app.use(showArticles).live(articleId, trx);
        return;
      }
      if (!(await trx('show_articles').where({ id: articleId, deleted_at: 0 }).decrement(counter, 1))) throw showErrors.articleNotFound();
    });
  }

  async has(reaction: Reaction, userId: number, articleId: number): Promise<boolean> {
    return !!(await this.app.db(REACTIONS[reaction].table).where({ article_id: articleId, user_id: userId }).first('user_id'));
  }

  /** The uids of the newest `DETAIL_UIDS` who liked / collected the article, newest first. */
  async newestUids(reaction: Reaction, articleId: number): Promise<string[]> {
    const rows = (await this.app
      .db(REACTIONS[reaction].table)
      .where({ article_id: articleId })
      .orderBy([{ column: 'c_time', order: 'desc' }, { column: 'user_id', order: 'desc' }])
      .limit(DETAIL_UIDS)
      .select('user_id')) as Array<{ user_id: number }>;
    const ids = rows.map((row) => Number(row.user_id));
    const uids = await this.app.use(showPeople).uids(ids);
    return ids.map((id) => uids.get(id)).filter((uid): uid is string => !!uid);
  }
}

export const showArticleReactions = (app: AppContext): ShowArticleReactions => new ShowArticleReactions(app);
