import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { insertId, transaction } from '../../../storage/db';
import { showErrors } from '../errors';
import { showBlocks } from './blocks';
import { offsetPage, type OffsetPage } from './paging';
import { showPeople } from './people';

/** Messages one sender may send per minute (a fixed window in the KV store, shared by every process). */
export const MESSAGES_PER_MINUTE = 30;

/** The catalogue's `my_message` entry. */
export interface Message {
  message_id: string;
  from_uid: string;
  to_uid: string;
  content: string;
  created_at: number;
}

interface MessageRow {
  id: number;
  from_user_id: number;
  to_user_id: number;
  content: string;
  c_time: number;
}

/**
 * Private messages between two show users. Refused to yourself and to someone who blocks the sender
 * (decision 14). Deleting hides a message for the side that deletes it only (decision 13): each row
 * carries a flag per side.
 */
export class ShowMessages {
  constructor(private readonly app: AppContext) {}

  private get people() {
    return this.app.use(showPeople);
  }

  async send(me: number, toUid: string, content: string): Promise<number> {
    const to = await this.people.other(me, toUid, showErrors.messageToSelf);
    if (await this.app.use(showBlocks).blocks(to, me)) throw showErrors.blocked();
    const minute = Math.floor(this.app.clock.now() / 60_000);
    const sent = await this.app.kv.incr(`show:messages:${me}:${minute}`, { ttlMs: 61_000 });
    if (sent > MESSAGES_PER_MINUTE) throw showErrors.tooManyMessages();
    return insertId(this.app.db('show_messages').insert({ from_user_id: me, to_user_id: to, content, c_time: unixSeconds(this.app.clock) }));
  }

  /** The conversation of `me` with `withUid`, both directions, newest first, without what `me` deleted. */
  async conversation(me: number, withUid: string, page: { limit: number; offset: number }): Promise<OffsetPage<Message>> {
    const other = (await this.people.byUid(withUid)).id;
    const query = this.app
      .db('show_messages')
      .where((q) =>
        q.where({ from_user_id: me, to_user_id: other, deleted_by_sender: 0 }).orWhere({ from_user_id: other, to_user_id: me, deleted_by_receiver: 0 }),
      )
      .select('id', 'from_user_id', 'to_user_id', 'content', 'c_time')
      .orderBy('id', 'desc');
    const found = await offsetPage<MessageRow>(query, page);
    const uids = await this.people.uids([me, other]);
    return {
      ...found,
      rows: found.rows.map((row) => ({
        message_id: String(row.id),
        from_uid: uids.get(Number(row.from_user_id)) ?? '',
        to_uid: uids.get(Number(row.to_user_id)) ?? '',
        content: row.content,
        created_at: Number(row.c_time),
      })),
    };
  }

  /**
   * Hides each of `ids` for `me` (their sender or receiver), all or none: one that is unknown, not
   * `me`'s or already hidden for `me` refuses the lot. Each flag flips only from 0, so the counts of
   * changed rows say whether every id was there.
   */
  async hide(me: number, ids: readonly number[]): Promise<void> {
    await transaction(this.app.db, async (trx) => {
      const asSender = await trx('show_messages').whereIn('id', ids).where({ from_user_id: me, deleted_by_sender: 0 }).update({ deleted_by_sender: 1 });
      const asReceiver = await trx('show_messages').whereIn('id', ids).where({ to_user_id: me, deleted_by_receiver: 0 }).update({ deleted_by_receiver: 1 });
      // Nobody messages themselves, so no id is counted on both sides.
      if (asSender + asReceiver !== ids.length) throw showErrors.messageNotFound();
    });
  }
}

export const showMessages = (app: AppContext): ShowMessages => new ShowMessages(app);
