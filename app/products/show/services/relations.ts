import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { transaction, type Knex } from '../../../storage/db';
import { showErrors } from '../errors';
import { offsetPage, type OffsetPage } from './paging';
import { showPeople } from './people';

export type RelationList = 'following' | 'follower' | 'block';

/** Where each of the caller's lists lives: the table, the caller's column and the listed person's. */
const LISTS: Record<RelationList, { table: string; mine: string; theirs: string }> = {
  following: { table: 'show_follows', mine: 'user_id', theirs: 'to_user_id' },
  follower: { table: 'show_follows', mine: 'to_user_id', theirs: 'user_id' },
  block: { table: 'show_blocks', mine: 'user_id', theirs: 'to_user_id' },
};

/**
 * Follows and blocks between show users (decision 14), as idempotent toggles: doing what is already
 * done answers like the first time. A block removes the follows both ways in its transaction, and no
 * follow is made while either side blocks the other (the blocker unblocks first), so a follow and a
 * block never stand between the same two people.
 */
export class ShowRelations {
  constructor(private readonly app: AppContext) {}

  private get people() {
    return this.app.use(showPeople);
  }

  async follow(me: number, uid: string): Promise<void> {
    const other = await this.people.other(me, uid);
    await transaction(this.app.db, async (trx) => {
      // A locking read: on MySQL it holds the (possibly empty) pair against a block inserted meanwhile,
      // which then waits for this follow and removes it, instead of both standing.
      const blocks = (await trx('show_blocks')
        .where({ user_id: other, to_user_id: me })
        .orWhere({ user_id: me, to_user_id: other })
        .forShare()
        .select('user_id')) as Array<{ user_id: number }>;
      if (blocks.some((b) => Number(b.user_id) === other)) throw showErrors.blocked();
      if (blocks.length > 0) throw showErrors.youBlock();
      await this.link(trx, 'show_follows', me, other);
    });
  }

  async unfollow(me: number, uid: string): Promise<void> {
    const other = await this.people.byUid(uid);
    await this.app.db('show_follows').where({ user_id: me, to_user_id: other.id }).delete();
  }

  async block(me: number, uid: string): Promise<void> {
    const other = await this.people.other(me, uid);
    await transaction(this.app.db, async (trx) => {
      await this.link(trx, 'show_blocks', me, other);
      await trx('show_follows').where({ user_id: me, to_user_id: other }).orWhere({ user_id: other, to_user_id: me }).delete();
    });
  }

  async unblock(me: number, uid: string): Promise<void> {
    const other = await this.people.byUid(uid);
    await this.app.db('show_blocks').where({ user_id: me, to_user_id: other.id }).delete();
  }

  /** The uids of one of the caller's lists, newest relation first. */
  async list(me: number, which: RelationList, page: { limit: number; offset: number }): Promise<OffsetPage<string>> {
    const { table, mine, theirs } = LISTS[which];
    const ids = await offsetPage<{ id: number }>(
      this.app.db(table).where(mine, me).select({ id: theirs }).orderBy([{ column: 'c_time', order: 'desc' }, { column: theirs, order: 'desc' }]),
      page,
    );
    const uids = await this.people.uids(ids.rows.map((r) => Number(r.id)));
    return { ...ids, rows: ids.rows.map((r) => uids.get(Number(r.id))).filter((uid): uid is string => !!uid) };
  }

  private async link(trx: Knex.Transaction, table: string, from: number, to: number): Promise<void> {
    await trx(table).insert({ user_id: from, to_user_id: to, c_time: unixSeconds(this.app.clock) }).onConflict(['user_id', 'to_user_id']).ignore();
  }
}

export const showRelations = (app: AppContext): ShowRelations => new ShowRelations(app);
