import type { Knex } from 'knex';
import { refuse } from '../../../core/errors';
import { DELETED } from './crud';

/** Whether any not-deleted row of `table` matches `where` (the "in use" checks before a delete). */
export async function hasLiveRows(trx: Knex.Transaction, table: string, where: Record<string, number>, status = 'status'): Promise<boolean> {
  return !!(await trx(table).where(where).whereNot(status, DELETED).first(trx.raw('1 as one')));
}

/** A not-deleted category of the given type, or 503 naming what the row needs. */
export async function requireCategory(trx: Knex.Transaction, catId: number, catType: number, what: string): Promise<void> {
  const found = await hasLiveRows(trx, 'categories', { cat_id: catId, cat_type: catType });
  if (!found) throw refuse(`the category does not exist or is not a ${what} category`);
}
