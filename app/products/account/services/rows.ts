import type { AppContext } from '../../../context';
import { formatTime } from '../../../core/time';
import { paginate } from '../../../platform/paging';
import type { Knex } from '../../../storage/db';
import type { PageParams } from '../fields';
import { accountErrors } from '../errors';
import { appAuthService } from '../../../platform/gateway/appAuth';

/** The catalogue's paged answer (the seed's own shape, protocol §4 allows it). */
export interface AccountPage<T> {
  total: number;
  pages: number;
  current_page: number;
  page_size: number;
  data: T[];
}

export async function accountPage<Row, Out>(query: Knex.QueryBuilder, paging: PageParams, map: (row: Row) => Out): Promise<AccountPage<Out>> {
  const page = await paginate(query, paging.page_no, paging.page_size, map);
  return { total: page.total, pages: Math.ceil(page.total / paging.page_size), current_page: paging.page_no, page_size: paging.page_size, data: page.list };
}

/** Every stored row carries its creating appid and unix-second times; answers carry them as text. */
export interface StoredRow {
  id: number;
  app_id: string;
  c_time: number;
  u_time: number;
}

export function stamped(row: StoredRow): { id: number; app_id: string; created_at: string; updated_at: string } {
  return { id: Number(row.id), app_id: row.app_id, created_at: formatTime(Number(row.c_time)) ?? '', updated_at: formatTime(Number(row.u_time)) ?? '' };
}

/** Rows an appid sees: its own and the global ones (`app_id` ''). */
export function visibleTo(query: Knex.QueryBuilder, appid: string, column = 'app_id'): Knex.QueryBuilder {
  return query.whereIn(column, ['', appid]);
}

/** The back office names an appid for a row: '' (global) or a live appid of this product. */
export async function assertAccountAppid(app: AppContext, appid: string): Promise<void> {
  if (appid === '') return;
  const found = await app.use(appAuthService).find(appid);
  if (!found || found.apiType !== 'account') throw accountErrors.appidNotAccount();
}
