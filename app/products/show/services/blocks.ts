import type { AppContext } from '../../../context';
import type { Knex } from '../../../storage/db';

type Db = Knex | Knex.Transaction;

/**
 * Who blocks whom (decision 14): the blocked user cannot follow, message or comment on the blocker's
 * things, and the blocker's feeds hide the blocked. The commerce half asks the same questions.
 */
export class ShowBlocks {
  constructor(private readonly app: AppContext) {}

  /** Whether `blocker` blocks `blocked`. */
  async blocks(blocker: number, blocked: number, db: Db = this.app.db): Promise<boolean> {
    return !!(await db('show_blocks').where({ user_id: blocker, to_user_id: blocked }).first('user_id'));
  }

  /** A sub-query of the ids `userId` blocks, for `whereNotIn('user_id', …)` in feeds. */
  blockedBy(userId: number, db: Db = this.app.db): Knex.QueryBuilder {
    return db('show_blocks').select('to_user_id').where({ user_id: userId });
  }
}

export const showBlocks = (app: AppContext): ShowBlocks => new ShowBlocks(app);
