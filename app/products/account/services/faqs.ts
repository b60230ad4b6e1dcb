import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { insertId } from '../../../storage/db';
import { accountErrors } from '../errors';
import type { PageParams } from '../fields';
import { accountPage, assertAccountAppid, stamped, visibleTo, type AccountPage, type StoredRow } from './rows';

interface FaqRow extends StoredRow {
  title: string;
  content: string;
  category: string;
  external_link: string;
  sort: number;
}

export interface Faq {
  id: number;
  app_id: string;
  created_at: string;
  updated_at: string;
  title: string;
  content: string;
  category: string;
  external_link: string;
}

export interface FaqInput {
  app_id?: string;
  title?: string;
  content?: string;
  category?: string;
  external_link?: string;
  sort?: number;
}

function present(row: FaqRow): Faq {
  return { ...stamped(row), title: row.title, content: row.content, category: row.category, external_link: row.external_link };
}

/** FAQ pages: an appid reads its own and the global ones (sort ascending, then newest); staff write them. */
export class FaqService {
  constructor(private readonly app: AppContext) {}

  private ordered(appid: string | null) {
    const query = this.app.db('account_faqs').orderBy([{ column: 'sort', order: 'asc' }, { column: 'id', order: 'desc' }]);
    return appid === null ? query : visibleTo(query, appid);
  }

  list(appid: string, paging: PageParams): Promise<AccountPage<Faq>> {
    return accountPage(this.ordered(appid), paging, present);
  }

  async detail(appid: string, id: number): Promise<Faq> {
    const row = await visibleTo(this.app.db('account_faqs').where({ id }), appid).first();
    if (!row) throw accountErrors.faqNotFound();
    return present(row);
  }

  /** Back office: every FAQ, or one appid's (with the global ones) when `appid` is given. */
  adminList(appid: string | undefined, paging: PageParams): Promise<AccountPage<Faq>> {
    return accountPage(this.ordered(appid ?? null), paging, present);
  }

  async add(input: Required<Pick<FaqInput, 'title' | 'content'>> & FaqInput, managerId: number): Promise<Faq> {
    const appid = input.app_id ?? '';
    await assertAccountAppid(this.app, appid);
    const now = unixSeconds(this.app.clock);
    const id = await insertId(
      this.app.db('account_faqs').insert({
        app_id: appid,
        title: input.title,
        content: input.content,
        category: input.category ?? '',
        external_link: input.external_link ?? '',
        sort: input.sort ?? 0,
        c_time: now,
        u_time: now,
        c_by: managerId,
        u_by: managerId,
      }),
    );
    return this.byId(id);
  }

  async edit(id: number, changes: FaqInput, managerId: number): Promise<Faq> {
    if (Object.keys(changes).length === 0) throw accountErrors.nothingToUpdate();
    if (changes.app_id !== undefined) await assertAccountAppid(this.app, changes.app_id);
    const count = await this.app.db('account_faqs').where({ id }).update({ ...changes, u_time: unixSeconds(this.app.clock), u_by: managerId });
    if (!count) throw accountErrors.faqNotFound();
    return this.byId(id);
  }

  async remove(id: number): Promise<void> {
    if (!(await this.app.db('account_faqs').where({ id }).delete())) throw accountErrors.faqNotFound();
  }

  private async byId(id: number): Promise<Faq> {
    return present(await this.app.db('account_faqs').where({ id }).first());
  }
}

export const faqService = (app: AppContext): FaqService => new FaqService(app);
