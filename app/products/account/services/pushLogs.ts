import type { AppContext } from '../../../context';
import { transaction, type Knex } from '../../../storage/db';
import { accountErrors } from '../errors';
import type { PageParams } from '../fields';
import { PUSH_SCOPE, PUSH_STATUS } from './pushSender';
import { accountPage, stamped, type AccountPage, type StoredRow } from './rows';

interface PushLogRow extends StoredRow {
  push_title: string;
  push_body: string;
  push_scope: number;
  manager_id: number;
  push_status: number;
}

export interface PushLogDetail {
  id: number;
  app_id: string;
  created_at: string;
  updated_at: string;
  push_title: string;
  push_body: string;
  push_scope: number;
  manager_id: number;
}

export type PushLog = PushLogDetail & { push_status: number };

function presentDetail(row: PushLogRow): PushLogDetail {
  return { ...stamped(row), push_title: row.push_title, push_body: row.push_body, push_scope: Number(row.push_scope), manager_id: Number(row.manager_id) };
}

function present(row: PushLogRow): PushLog {
  return { ...presentDetail(row), push_status: Number(row.push_status) };
}

export interface Reader {
  userId: number;
  appid: string;
}

/**
 * A user's push history (decisions 7–9): sent pushes of their appid or global ones, broadcast (scope 0)
 * or listing them (scope 1), that they have not hidden. Hiding is per user; the log stays for staff.
 */
export class PushLogService {
  constructor(private readonly app: AppContext) {}

  private visible(reader: Reader, db: Knex | Knex.Transaction = this.app.db): Knex.QueryBuilder {
    return db('account_push_logs as l')
      .where('l.push_status', PUSH_STATUS.SENT)
      .whereIn('l.app_id', ['', reader.appid])
      .where((q) =>
        q.where('l.push_scope', PUSH_SCOPE.ALL).orWhereExists(db('account_push_log_targets as t').whereRaw('t.push_log_id = l.id').where('t.user_id', reader.userId)),
      )
      .whereNotExists(db('account_push_log_hidden as h').whereRaw('h.push_log_id = l.id').where('h.user_id', reader.userId));
  }

  list(reader: Reader, paging: PageParams): Promise<AccountPage<PushLog>> {
    return accountPage(this.visible(reader).select('l.*').orderBy('l.id', 'desc'), paging, present);
  }

  async detail(reader: Reader, id: number): Promise<PushLogDetail> {
    const row = await this.visible(reader).where('l.id', id).first('l.*');
    if (!row) throw accountErrors.pushNotFound();
    return presentDetail(row);
  }

  /** Visible pushes the client has not seen (`seen` = the ids it already shows). */
  async unseenCount(reader: Reader, seen: number[]): Promise<number> {
    const query = this.visible(reader);
    if (seen.length) query.whereNotIn('l.id', seen);
    const [{ n }] = await query.count({ n: '*' });
    return Number(n);
  }

  /** Hides `ids` (each must be visible, else nothing is hidden) or, without ids, the whole visible history. */
  async hide(reader: Reader, ids: number[] | undefined): Promise<void> {
    await transaction(this.app.db, async (trx) => {
      const query = this.visible(reader, trx);
      if (ids) query.whereIn('l.id', [...new Set(ids)]);
      const found: number[] = (await query.select('l.id')).map((r: { id: number }) => Number(r.id));
      if (ids && found.length < new Set(ids).size) throw accountErrors.pushNotFound();
      for (let i = 0; i < found.length; i += 500) {
        await trx('account_push_log_hidden')
          .insert(found.slice(i, i + 500).map((push_log_id) => ({ user_id: reader.userId, push_log_id })))
          .onConflict(['user_id', 'push_log_id'])
          .ignore();
      }
    });
  }
}

export const pushLogService = (app: AppContext): PushLogService => new PushLogService(app);
