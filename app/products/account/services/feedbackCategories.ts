import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { insertId } from '../../../storage/db';
import { accountErrors } from '../errors';
import type { PageParams } from '../fields';
import { accountPage, assertAccountAppid, stamped, visibleTo, type AccountPage, type StoredRow } from './rows';

interface CategoryRow extends StoredRow {
  name: string;
  description: string;
}

export interface FeedbackCategory {
  id: number;
  app_id: string;
  created_at: string;
  updated_at: string;
  name: string;
  description: string;
}

function present(row: CategoryRow): FeedbackCategory {
  return { ...stamped(row), name: row.name, description: row.description };
}

/** Feedback categories: an appid sees its own and the global ones, oldest first (a stable menu). */
export class FeedbackCategoryService {
  constructor(private readonly app: AppContext) {}

  list(appid: string | null, paging: PageParams): Promise<AccountPage<FeedbackCategory>> {
    const query = this.app.db('account_feedback_categories').orderBy('id', 'asc');
    return accountPage(appid === null ? query : visibleTo(query, appid), paging, present);
  }

  /** Whether `id` is a category the appid may file feedback under. */
  async assertVisible(appid: string, id: number): Promise<void> {
    if (!(await visibleTo(this.app.db('account_feedback_categories').where({ id }), appid).first('id'))) throw accountErrors.categoryNotFound();
  }

  async add(input: { app_id?: string; name: string; description?: string }, managerId: number): Promise<FeedbackCategory> {
    const appid = input.app_id ?? '';
    await assertAccountAppid(this.app, appid);
    const now = unixSeconds(this.app.clock);
    const id = await insertId(
      this.app.db('account_feedback_categories').insert({ app_id: appid, name: input.name, description: input.description ?? '', c_time: now, u_time: now, c_by: managerId, u_by: managerId }),
    );
    return this.byId(id);
  }

  async edit(id: number, changes: { app_id?: string; name?: string; description?: string }, managerId: number): Promise<FeedbackCategory> {
    if (Object.keys(changes).length === 0) throw accountErrors.nothingToUpdate();
    if (changes.app_id !== undefined) await assertAccountAppid(this.app, changes.app_id);
    const count = await this.app.db('account_feedback_categories').where({ id }).update({ ...changes, u_time: unixSeconds(this.app.clock), u_by: managerId });
    if (!count) throw accountErrors.categoryNotFound();
    return this.byId(id);
  }

  private async byId(id: number): Promise<FeedbackCategory> {
    return present(await this.app.db('account_feedback_categories').where({ id }).first());
  }
}

export const feedbackCategoryService = (app: AppContext): FeedbackCategoryService => new FeedbackCategoryService(app);
