import type { Knex } from '../../../storage/db';
import { paginateOffset } from '../../../platform/paging';

/** One page of the catalogue's P convention: the rows plus `total` and `isnext`. */
export interface OffsetPage<T> {
  rows: T[];
  total: number;
  isnext: boolean;
}

/**
 * `query` (with its own where/order) at `offset`, `limit` rows, through the platform's paging: `isnext`
 * from one row more than asked, the total counted once and cached until a table it reads is written.
 */
export async function offsetPage<Row>(query: Knex.QueryBuilder, page: { limit: number; offset: number }): Promise<OffsetPage<Row>> {
  const { list, total, isnext } = await paginateOffset<Row>(query, page.offset, page.limit);
  return { rows: list, total, isnext };
}
