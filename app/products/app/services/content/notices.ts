import type { AppContext } from '../../../../context';
import { unixSeconds } from '../../../../core/clock';
import { refuse } from '../../../../core/errors';
import { formatTime } from '../../../../core/time';
import { paginate, type Page } from '../../../../platform/paging';
import { forPlatform, registeredAt } from './audience';

export interface NoticeItem {
  noticeid: number;
  title: string;
  summary: string;
  c_time: string | null;
}
export interface NoticeDetail extends NoticeItem {
  body: string;
}
/** `system.init`.notice_dialog; `edition` changes whenever the notice is edited, so the app shows it again. */
export interface NoticeDialog {
  title: string;
  summary: string;
  edition: string;
}

export const NOTICE_STATUS = { HIDDEN: 0, SHOWN: 1, DELETED: 2 } as const;

type NoticeRow = { noticeid: number; title: string; summary: string; body: string; c_time: number; u_time: number };

const item = (row: NoticeRow): NoticeItem => ({
  noticeid: row.noticeid,
  title: row.title,
  summary: row.summary,
  c_time: formatTime(Number(row.c_time)),
});

/**
 * Notices (catalog hole 10): the app sees shown notices for its platform; read state is per user and
 * notice, so reading one marks only that one.
 */
export class NoticeService {
  constructor(private readonly app: AppContext) {}

  private shown(platform: number) {
    return forPlatform(this.app.db('notices').where('cur_status', NOTICE_STATUS.SHOWN), 'terminal', platform);
  }

  async list(platform: number, page: number): Promise<Page<NoticeItem>> {
    const query = this.shown(platform).select('noticeid', 'title', 'summary', 'c_time').orderBy('noticeid', 'desc');
    return paginate(query, page, this.app.config.paging.pageSize, item);
  }

  /** A shown notice with its body; a logged-in reader has now read it. */
  async detail(noticeid: number, platform: number, userId: number | null): Promise<NoticeDetail> {
    const row = (await this.shown(platform)
      .select('noticeid', 'title', 'summary', 'body', 'c_time')
      .where({ noticeid })
      .first()) as NoticeRow | undefined;
    if (!row) throw refuse('the notice does not exist or has been deleted');
    if (userId) {
      await this.app
        .db('notice_reads')
        .insert({ user_id: userId, noticeid, c_time: unixSeconds(this.app.clock) })
        .onConflict(['user_id', 'noticeid'])
        .ignore();
    }
    const { c_time, ...head } = item(row);
    return { ...head, body: row.body, c_time };
  }

  /** Shown notices for the platform, published since the user registered, that the user has not opened. */
  async unreadCount(userId: number | null, platform: number): Promise<number> {
    const since = userId ? await registeredAt(this.app, userId) : null;
    if (since === null) return 0;
    const rows = (await this.shown(platform)
      .whereRaw('(CASE WHEN published_at > 0 THEN published_at ELSE c_time END) >= ?', [since])
      .whereNotExists((q) =>
        q.select(this.app.db.raw('1')).from('notice_reads as r').whereRaw('r.noticeid = notices.noticeid').where('r.user_id', userId),
      )
      .count({ n: '*' })) as Array<{ n: number | string }>;
    return Number(rows[0].n);
  }

  /** The newest shown dialog notice for the platform whose dialog period has not ended, or null. */
  async dialog(platform: number): Promise<NoticeDialog | null> {
    const row = (await this.shown(platform)
      .select('noticeid', 'title', 'summary', 'u_time')
      .where('is_dialog', 1)
      .where('dialog_end_time', '>=', unixSeconds(this.app.clock))
      .orderBy('noticeid', 'desc')
      .first()) as NoticeRow | undefined;
    if (!row) return null;
    return { title: row.title, summary: row.summary, edition: `${String(row.noticeid).padEnd(10, '0')}${row.u_time}` };
  }
}

export const noticeService = (app: AppContext): NoticeService => new NoticeService(app);
