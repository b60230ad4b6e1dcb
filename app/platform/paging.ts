import Joi from 'joi';
import type { Knex } from 'knex';

/** The catalog's PG parameter: `page?:int=1 [1..10000]`. */
export const pageParam = Joi.number().integer().min(1).max(10_000).default(1);

/** The seed's paged answer: `count` is the page size the server pages by, not the rows returned. */
export interface Page<T> {
  list: T[];
  total: number;
  page: number;
  count: number;
  isnext: boolean;
}

/**
 * One page of `query` (which carries its own where/order/select) plus the total of the whole result.
 * The total counts the query as a subquery, so joins, DISTINCT and GROUP BY count what the list shows.
 * `map` turns a row into its answer shape (formatting times and the like).
 */
export async function paginate<Row, Out = Row>(
  query: Knex.QueryBuilder,
  page: number,
  pageSize: number,
  map?: (row: Row) => Out,
): Promise<Page<Out>> {
  const counted = query.client
    .queryBuilder()
    .count({ n: '*' })
    .from(query.clone().clearOrder().as('paged'));
  const [totals, rows] = await Promise.all([
    counted as Promise<Array<{ n: number | string }>>,
    query.clone().limit(pageSize).offset((page - 1) * pageSize) as Promise<Row[]>,
  ]);
  const total = Number(totals[0]?.n ?? 0);
  return {
    list: map ? rows.map(map) : (rows as unknown as Out[]),
    total,
    page,
    count: pageSize,
    isnext: page * pageSize < total,
  };
}
