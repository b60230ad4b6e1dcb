import crypto from 'node:crypto';
import type { AppContext } from '../../../context';
import { uploadService } from '../../../platform/files/uploads';
import { userDirectory } from '../../../platform/identity/users';
import { paginate, type Page } from '../../../platform/paging';
import { isUniqueViolation, type Knex } from '../../../storage/db';
import type { Paging, SortOrder } from '../fields';

/** A random id of exactly `digits` digits (decision 11: shops 9, products 7). */
export function randomId(digits: number): number {
  return crypto.randomInt(10 ** (digits - 1), 10 ** digits);
}

/** Inserts with a fresh random id until one is free (a clash is a unique violation on the primary key). */
export async function insertWithRandomId(digits: number, insert: (id: number) => Promise<unknown>, isIdClash: (err: unknown) => boolean = isUniqueViolation): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const id = randomId(digits);
    try {
      await insert(id);
      return id;
    } catch (err) {
      if (attempt >= 9 || !isIdClash(err)) throw err;
    }
  }
}

/** One page of `query` ordered by the client's ORD (already whitelisted) or the default. */
export function pageOf<Row, Out>(query: Knex.QueryBuilder, paging: Paging, order: SortOrder, fallback: SortOrder, map: (row: Row) => Out): Promise<Page<Out>> {
  for (const [column, direction] of order.length ? order : fallback) query.orderBy(column, direction);
  return paginate<Row, Out>(query, paging.page, paging.count, map);
}

/** The display names (nicknames) of the given users, by id. */
export async function userNames(app: AppContext, ids: readonly number[]): Promise<Map<number, string>> {
  const users = await app.use(userDirectory).byIds(ids);
  return new Map(users.map((u) => [u.id, u.nickname]));
}

/**
 * An image parameter as stored: '' stays '' (none), anything else must be a file id or a URL of ours
 * and is kept as the file's absolute URL, so an answer never carries a foreign or dangling link.
 */
export async function resolvedPicture(app: AppContext, ref: string | number | undefined, label: string): Promise<string | undefined> {
  if (ref === undefined || ref === '') return ref === '' ? '' : undefined;
  return (await app.use(uploadService).resolve(ref, { label })).url;
}

/** `%`, `_` and `!` match themselves in a LIKE pattern built from client text. */
export function likePattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * A LIKE with `!` as its escape: SQLite has no default escape and MySQL reads a backslash inside a
 * string literal, so `!` is the one spelling both engines take the same way.
 */
export function whereLike(query: Knex.QueryBuilder, column: string, text: string): Knex.QueryBuilder {
  return query.whereRaw("?? LIKE ? ESCAPE '!'", [column, likePattern(text)]);
}
