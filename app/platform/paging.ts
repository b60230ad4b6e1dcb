import Joi from 'joi';
import type { Knex } from 'knex';
import { JsonText } from '../core/jsonText';
import { FixedRead, type Value } from '../storage/fixedReads';
import { queryKey, readCacheOf, readTables, scopedGenerations } from '../storage/readCache';

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

/** A window by offset (`start`/`limit`), for the products that page that way. */
export interface Slice<T> {
  list: T[];
  total: number;
  isnext: boolean;
}

/**
 * The number of rows `query` gives, counted as a subquery (so joins, DISTINCT and GROUP BY count what the
 * list shows) and kept in the KV store per query and values for `config.paging.totalTtlMs`. The entry carries the generations of every
 * table the query reads, and any write to one of them ends it: the total is exact for every write that
 * has finished before the read started. Past the TTL it is answered for `config.paging.staleGraceMs`
 * more while one background COUNT refreshes it (see ReadCache). Inside a transaction it is counted every time.
 */
export function countRows(query: Knex.QueryBuilder): Promise<number> {
  const counted = query.client.queryBuilder().count({ n: '*' }).from(query.clone().clearOrder().as('paged'));
  const count = async () => Number(((await counted) as Array<{ n: number | string }>)[0]?.n ?? 0);
  return keptTotal(query.client, count, () => {
    const { sql, bindings } = counted.toSQL();
    return { tables: readTables(sql), sql, bindings };
  });
}

/**
 * `count()`, kept by the read cache of `client` under the statement `counted()` describes (asked only
 * when there is a cache). A transaction's client has none: inside one the total is counted every time.
 */
function keptTotal(
  client: object,
  count: () => Promise<number>,
  counted: () => { tables: readonly string[]; sql: string; bindings: readonly unknown[] },
): Promise<number> {
  const cache = readCacheOf(client);
  if (!cache || cache.totalTtlMs <= 0) return count();
  const { tables, sql, bindings } = counted();
  return cache.read(tables, queryKey('total', sql, bindings), cache.totalTtlMs, count);
}

/** A page asked for one row more than `limit`: whether a next page exists needs no count. */
function trimmed<Row, Out>(rows: Row[], limit: number, total: number, map?: (row: Row) => Out): Slice<Out> {
  const isnext = rows.length > limit;
  if (isnext) rows.length = limit;
  return { list: map ? rows.map(map) : (rows as unknown as Out[]), total, isnext };
}

/**
 * Rows `offset`.. of `query`, asking one row more than `limit` so that "is there a next page" needs no
 * count, with the (cached) total beside it; both in flight at once.
 */
async function window<Row, Out>(query: Knex.QueryBuilder, offset: number, limit: number, map?: (row: Row) => Out): Promise<Slice<Out>> {
  const [total, rows] = await Promise.all([
    countRows(query),
    query.clone().limit(limit + 1).offset(offset) as Promise<Row[]>,
  ]);
  return trimmed(rows, limit, total, map);
}

/**
 * A list whose statements never change, only their values (storage/fixedReads): `rows` ends in
 * `limit ? offset ?`, `count` answers `n` for the same WHERE. For the page a method serves on every
 * call (a member's own orders, unfiltered), where building the query each time costs more than running it.
 */
export interface FixedList<Row> {
  rows: FixedRead<Row>;
  count: FixedRead<{ n: number | string }>;
}

/** `countRows` for a fixed count: cached the same way, under its own statement and values. */
function countFixed(db: Knex | Knex.Transaction, count: FixedRead<{ n: number | string }>, values: readonly Value[]): Promise<number> {
  const counted = async () => Number((await count.first(db, values))?.n ?? 0);
  return keptTotal(db.client, counted, () => ({ tables: count.tables, sql: count.sql, bindings: values }));
}

/** `paginate` for a fixed list: `values` fill the WHERE of both statements, the page its limit and offset. */
export async function paginateFixed<Row, Out = Row>(
  db: Knex | Knex.Transaction,
  list: FixedList<Row>,
  values: readonly Value[],
  page: number,
  pageSize: number,
  map?: (row: Row) => Out,
): Promise<Page<Out>> {
  const [total, rows] = await Promise.all([countFixed(db, list.count, values), list.rows.rows(db, [...values, pageSize + 1, (page - 1) * pageSize])]);
  const { list: shown, isnext } = trimmed(rows, pageSize, total, map);
  return { list: shown, total, page, count: pageSize, isnext };
}

/**
 * One page of `query` (which carries its own where/order/select) plus the total of the whole result.
 * `map` turns a row into its answer shape (formatting times and the like).
 */
export async function paginate<Row, Out = Row>(
  query: Knex.QueryBuilder,
  page: number,
  pageSize: number,
  map?: (row: Row) => Out,
): Promise<Page<Out>> {
  const { list, total, isnext } = await window(query, (page - 1) * pageSize, pageSize, map);
  return { list, total, page, count: pageSize, isnext };
}

/** `limit` rows of `query` from row `start` (0-based), with the total and whether more follow. */
export function paginateOffset<Row, Out = Row>(query: Knex.QueryBuilder, start: number, limit: number, map?: (row: Row) => Out): Promise<Slice<Out>> {
  return window(query, start, limit, map);
}

/**
 * A public list's whole answer (any JSON value), kept in the KV store for `config.paging.listTtlMs`
 * while none of `tables` — every table `compute` reads — is written: the next read after any write,
 * from this process or another, computes it again. `key` names the list and every parameter it
 * depends on. For lists that look the same to every caller; nothing per user belongs here. Answered as
 * its JSON text, which a handler returns as it is: a hit is never parsed or serialised again.
 */
export async function cachedList<T>(db: Knex, tables: readonly string[], key: string, compute: () => Promise<T>): Promise<JsonText<T>> {
  const cache = readCacheOf(db.client);
  if (!cache || cache.listTtlMs <= 0) return JsonText.of(await compute());
  return cache.readText(tables, `list:${key}`, cache.listTtlMs, compute);
}

/** One scope of a table (`column = value`), as `scopedWrite` marks the writes to it. */
export type Scope = readonly [table: string, column: string, value: string | number];

/**
 * One member's own list (their orders), kept like `cachedList`, but ended only by the writes marked
 * for one of `scopes` (`scopedWrite`: their own order, not everybody's) or by any write to one of
 * those tables that is not marked. `key` names the list, the member and every parameter.
 */
export async function cachedScopedList<T>(db: Knex, scopes: readonly Scope[], key: string, compute: () => Promise<T>): Promise<JsonText<T>> {
  const cache = readCacheOf(db.client);
  if (!cache || cache.listTtlMs <= 0) return JsonText.of(await compute());
  const generations = scopes.flatMap(([table, column, value]) => scopedGenerations(table, column, value));
  return cache.readText(generations, `own:${key}`, cache.listTtlMs, compute);
}
