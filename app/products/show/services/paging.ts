import type { Knex } from '../../../storage/db';

/** One page of the catalogue's P convention: the rows plus `total` and `isnext`. */
export interface OffsetPage<T> {
  rows: T[];
  total: number;
  isnext: boolean;
}

/** `query` (with its own where/order) at `offset`, `limit` rows, and the total of the whole result. */
export async function offsetPage<Row>(query: Knex.QueryBuilder, page: { limit: number; offset: number }): Promise<OffsetPage<Row>> {
  const counted = query.client.queryBuilder().count({ n: '*' }).from(query.clone().clearOrder().clearSelect().select(query.client.raw('1')).as('paged'));
  const [totals, rows] = await Promise.all([counted as Promise<Array<{ n: number | string }>>, query.clone().limit(page.limit).offset(page.offset) as Promise<Row[]>]);
  const total = Number(totals[0]?.n ?? 0);
  return { rows, total, isnext: page.offset + rows.length < total };
}
