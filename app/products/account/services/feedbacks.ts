import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { insertId, transaction } from '../../../storage/db';
import { userDirectory } from '../../../platform/identity/users';
import { accountErrors } from '../errors';
import type { PageParams } from '../fields';
import { feedbackCategoryService } from './feedbackCategories';
import { accountPage, stamped, type AccountPage, type StoredRow } from './rows';

export const FEEDBACK_STATUS = { NEW: 0, REPLIED: 1, CLOSED: 2 } as const;
/** Feedbacks one user may file per (Asia/Shanghai) day. */
export const FEEDBACKS_PER_DAY = 20;
const DAY_SEC = 86_400;
const SHANGHAI_OFFSET_SEC = 8 * 3600;

interface FeedbackRow extends StoredRow {
  user_id: number;
  feedback_content: string;
  feedback_status: number;
  feedback_category_id: number;
  contact_phone: string;
}

interface ReplyRow extends StoredRow {
  reply_content: string;
  manager_id: number;
  feedback_id: number;
  is_read: number;
}

export interface Feedback {
  id: number;
  app_id: string;
  created_at: string;
  updated_at: string;
  feedback_content: string;
  feedback_status: number;
  feedback_category_id: number;
  contact_phone: string;
  user_id: number;
}

export interface FeedbackReply {
  id: number;
  app_id: string;
  created_at: string;
  updated_at: string;
  reply_content: string;
  manager_id: number;
  feedback_id: number;
  is_read: boolean;
}

function present(row: FeedbackRow): Feedback {
  return {
    ...stamped(row),
    feedback_content: row.feedback_content,
    feedback_status: Number(row.feedback_status),
    feedback_category_id: Number(row.feedback_category_id),
    contact_phone: row.contact_phone,
    user_id: Number(row.user_id),
  };
}

function presentReply(row: ReplyRow): FeedbackReply {
  return { ...stamped(row), reply_content: row.reply_content, manager_id: Number(row.manager_id), feedback_id: Number(row.feedback_id), is_read: Boolean(Number(row.is_read)) };
}

/** Unix seconds at which the Asia/Shanghai day of `now` began. */
function dayStart(now: number): number {
  return Math.floor((now + SHANGHAI_OFFSET_SEC) / DAY_SEC) * DAY_SEC - SHANGHAI_OFFSET_SEC;
}

export interface NewFeedback {
  feedback_content: string;
  feedback_category_id?: number;
  contact_phone?: string;
}

/**
 * Users' feedback and staff replies (decision 10): a user sees and deletes (softly) only their own; the
 * latest reply is what a user reads, and reading marks every reply of that feedback read.
 */
export class FeedbackService {
  constructor(private readonly app: AppContext) {}

  private live() {
    return this.app.db('account_feedbacks').where({ deleted_at: 0 });
  }

  /** The daily cap is counted on the rows under the user's row lock, so parallel creates cannot pass it. */
  async create(userId: number, appid: string, input: NewFeedback): Promise<Feedback> {
    if (input.feedback_category_id) await this.app.use(feedbackCategoryService).assertVisible(appid, input.feedback_category_id);
    const now = unixSeconds(this.app.clock);
    const id = await transaction(this.app.db, async (trx) => {
      await this.app.use(userDirectory).lock(trx, userId);
      const [{ n }] = await trx('account_feedbacks').where({ user_id: userId }).where('c_time', '>=', dayStart(now)).count({ n: '*' });
      if (Number(n) >= FEEDBACKS_PER_DAY) throw accountErrors.tooManyFeedbacks(FEEDBACKS_PER_DAY);
      return insertId(
        trx('account_feedbacks').insert({
          app_id: appid,
          user_id: userId,
          feedback_content: input.feedback_content,
          feedback_status: FEEDBACK_STATUS.NEW,
          feedback_category_id: input.feedback_category_id ?? 0,
          contact_phone: input.contact_phone ?? '',
          c_time: now,
          u_time: now,
        }),
      );
    });
    return present(await this.app.db('account_feedbacks').where({ id }).first());
  }

  async remove(userId: number, id: number): Promise<void> {
    const now = unixSeconds(this.app.clock);
    const count = await this.live().where({ id, user_id: userId }).update({ deleted_at: now, u_time: now });
    if (!count) throw accountErrors.feedbackNotFound();
  }

  list(userId: number, paging: PageParams): Promise<AccountPage<Feedback>> {
    return accountPage(this.live().where({ user_id: userId }).orderBy('id', 'desc'), paging, present);
  }

  /** The latest reply to the user's own feedback, or null; every reply of it is marked read. */
  async latestReply(userId: number, feedbackId: number): Promise<FeedbackReply | null> {
    if (!(await this.live().where({ id: feedbackId, user_id: userId }).first('id'))) throw accountErrors.feedbackNotFound();
    const row: ReplyRow | undefined = await this.app.db('account_feedback_replies').where({ feedback_id: feedbackId }).orderBy('id', 'desc').first();
    if (!row) return null;
    await this.app.db('account_feedback_replies').where({ feedback_id: feedbackId, is_read: 0 }).update({ is_read: 1 });
    return presentReply(row);
  }

  /** Replies to the user's live feedbacks that they have not read. */
  async unreadReplies(userId: number): Promise<number> {
    const [{ n }] = await this.app
      .db('account_feedback_replies as r')
      .join('account_feedbacks as f', 'f.id', 'r.feedback_id')
      .where({ 'f.user_id': userId, 'f.deleted_at': 0, 'r.is_read': 0 })
      .count({ n: '*' });
    return Number(n);
  }

  /** Back office: every user's live feedback, newest first, optionally of one status. */
  adminList(status: number | undefined, paging: PageParams): Promise<AccountPage<Feedback>> {
    const query = this.live().orderBy('id', 'desc');
    if (status !== undefined) query.where({ feedback_status: status });
    return accountPage(query, paging, present);
  }

  /** A staff reply: stored and the feedback marked replied, both or neither. */
  async reply(feedbackId: number, content: string, managerId: number): Promise<{ reply_id: number }> {
    const now = unixSeconds(this.app.clock);
    const replyId = await transaction(this.app.db, async (trx) => {
      const feedback: FeedbackRow | undefined = await trx('account_feedbacks').where({ id: feedbackId, deleted_at: 0 }).first();
      if (!feedback) throw accountErrors.feedbackNotFound();
      await trx('account_feedbacks').where({ id: feedbackId }).update({ feedback_status: FEEDBACK_STATUS.REPLIED, u_time: now });
      return insertId(
        trx('account_feedback_replies').insert({ app_id: feedback.app_id, feedback_id: feedbackId, manager_id: managerId, reply_content: content, is_read: 0, c_time: now, u_time: now }),
      );
    });
    return { reply_id: replyId };
  }
}

export const feedbackService = (app: AppContext): FeedbackService => new FeedbackService(app);
