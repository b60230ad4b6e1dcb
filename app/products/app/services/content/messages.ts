import type { AppContext } from '../../../../context';
import { unixSeconds } from '../../../../core/clock';
import { refuse } from '../../../../core/errors';
import { formatTime } from '../../../../core/time';
import { paginate, type Page } from '../../../../platform/paging';
import { registeredAt } from './audience';

export interface MessageItem {
  msgid: number;
  msg_type: number;
  type_ref_id: number;
  is_read: number;
  title: string;
  content: string;
  url: string;
  c_time: string | null;
}

export const MSG_TYPE = { SYSTEM: 1, WELFARE: 2 } as const;
/** `messages.user_id` of a message to every user registered before it was sent. */
export const BROADCAST = 0;

type MessageRow = Omit<MessageItem, 'c_time' | 'is_read'> & { c_time: number; is_read: number | string };

/**
 * A user's messages (catalog hole 10): their own plus the broadcasts sent since they registered; read
 * state of both kinds lives in `message_reads`, one row per user and message.
 */
export class MessageService {
  constructor(private readonly app: AppContext) {}

  /** Resolved before building the query: a query builder is thenable, so an async function cannot return one. */
  private async registered(userId: number): Promise<number> {
    return (await registeredAt(this.app, userId)) ?? Number.MAX_SAFE_INTEGER;
  }

  private visibleTo(userId: number, since: number) {
    return this.app
      .db('messages as m')
      .where('m.status', 1)
      .where((q) => q.where('m.user_id', userId).orWhere((b) => b.where('m.user_id', BROADCAST).where('m.c_time', '>=', since)));
  }

  async list(userId: number, page: number): Promise<Page<MessageItem>> {
    const query = this.visibleTo(userId, await this.registered(userId))
      .leftJoin('message_reads as r', (j) => j.on('r.msgid', 'm.msgid').andOnVal('r.user_id', userId))
      .select(
        'm.msgid',
        'm.msg_type',
        'm.type_ref_id',
        this.app.db.raw('CASE WHEN r.id IS NULL THEN 0 ELSE 1 END AS is_read'),
        'm.title',
        'm.content',
        'm.url',
        'm.c_time',
      )
      .orderBy('m.msgid', 'desc');
    return paginate(query, page, this.app.config.paging.pageSize, (row: MessageRow) => ({
      ...row,
      is_read: Number(row.is_read),
      c_time: formatTime(Number(row.c_time)),
    }));
  }

  /** Marks a message the user can see as read; doing it again changes nothing. */
  async markRead(userId: number, msgid: number): Promise<void> {
    const found = await this.visibleTo(userId, await this.registered(userId))
      .select('m.msgid').where('m.msgid', msgid).first();
    if (!found) throw refuse('the message does not exist or has been deleted');
    await this.app
      .db('message_reads')
      .insert({ user_id: userId, msgid, c_time: unixSeconds(this.app.clock) })
      .onConflict(['user_id', 'msgid'])
      .ignore();
  }
}

export const messageService = (app: AppContext): MessageService => new MessageService(app);
