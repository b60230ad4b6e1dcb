import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { Clock } from '../core/clock';
import { JsonText } from '../core/jsonText';
import type { KvStore } from './kv/types';

/**
 * Short-lived answers in the KV store, made exact by table generations: every write to a table bumps
 * that table's counter in the KV store, and a cached answer is only used while the counters of all the
 * tables it read are still the ones it was computed under. The generations are read in the same round
 * trip as the answer (one MGET), so a hit costs one KV round trip and no query.
 *
 * Nobody has to remember to invalidate: `watchWrites` sees every INSERT / UPDATE / DELETE knex runs
 * outside a transaction (bumped when the statement has run), and `transaction()` of storage/db.ts
 * bumps what a transaction wrote once it committed. The bump is issued before the write's caller
 * continues, and commands of one process reach Redis in order, so the next read of the same process
 * sees the change; another process sees it as soon as the bump has reached Redis. The TTL only bounds
 * how long an entry occupies memory, what a write made while Redis was unreachable may leave, and how
 * late an answer that depends on the time (a 30-day window) may be.
 *
 * An entry whose generations match is exact for every write made through the app, so past its TTL it
 * is still answered, for `staleGraceMs` more, while one background refresh (one per process, and one
 * across processes by a claim in the KV store) recomputes it: a COUNT of a million rows does not make
 * callers wait each time its TTL runs out, only after a write to its tables (or when nobody read it for
 * the whole grace window). The lateness bound of the TTL becomes TTL + grace.
 */
export class ReadCache {
  /** Computations under way in this process, by entry and generations. */
  private readonly inFlight = new Map<string, Promise<Computed<unknown>>>();
  /** Background refreshes this process has started and not finished, by entry. */
  private readonly refreshing = new Map<string, Promise<void>>();

  constructor(
    private readonly kv: KvStore,
    /** Told when the KV store fails: the read goes on uncached, the write has happened anyway. */
    readonly onError: (err: unknown) => void,
    /** How long a counted total of `paginate` is kept (0: counted every time). */
    readonly totalTtlMs: number,
    /** How long a whole public list answer is kept (0: computed every time). */
    readonly listTtlMs: number,
    /** How long past its TTL a matching entry is still answered while it is refreshed (0: never). */
    readonly staleGraceMs: number,
    /** The app's clock: entries store their fresh-until time by it, so tests move time instead of sleeping. */
    private readonly clock: Clock,
  ) {}

  private static generationKey(table: string): string {
    return `gen:${table}`;
  }

  /**
   * How long a scope's generation outlives its last bump. A generation that expired reads as 0 again,
   * which is harmless only once every entry computed under its earlier values has expired too; scopes
   * (one per member) are too many to keep for ever, unlike the tables' own counters.
   */
  private get scopeGenerationTtlMs(): number {
    return Math.max(DAY_MS, 2 * (Math.max(this.totalTtlMs, this.listTtlMs) + this.staleGraceMs));
  }

  /** Marks every cached answer that read one of `tables` (or of the scopes `scopedGenerations` names) as out of date. */
  async bump(tables: Iterable<string>): Promise<void> {
    const pending: Array<Promise<unknown>> = [];
    for (const table of tables) {
      const key = ReadCache.generationKey(table);
      pending.push(this.kv.incr(key));
      if (isScope(table)) pending.push(this.kv.expire(key, this.scopeGenerationTtlMs));
    }
    await Promise.all(pending);
  }

  /**
   * `compute()`'s answer, cached under `key` for `ttlMs` while none of `tables` is written. The
   * generations are the ones read before computing, so a write that lands while computing makes the
   * stored entry stale at once instead of hiding behind it. A KV store that fails means no caching,
   * never a failed read.
   */
  async read<T>(tables: readonly string[], key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
    return (await this.readText(tables, key, ttlMs, compute)).value();
  }

  /** `read`, answering the JSON text as stored, for answers that go out as they are. */
  async readText<T>(tables: readonly string[], key: string, ttlMs: number, compute: () => Promise<T>): Promise<JsonText<T>> {
    // `cache2:` entries carry their fresh-until time. Entries of the format before it (`cache:`) are
    // never read, so during a rolling deploy old and new processes each miss the other's entries.
    const cacheKey = `cache2:${key}`;
    const keys = tables.map(ReadCache.generationKey);
    keys.push(cacheKey);
    let found: Array<string | null>;
    try {
      found = await this.kv.getMany(keys);
    } catch (err) {
      this.onError(err);
      return JsonText.of(await compute());
    }
    let stamp = '';
    for (let i = 0; i < tables.length; i++) stamp += `${found[i] ?? '0'},`;
    // Only a stale entry or a miss needs it: a fresh hit (the usual call) builds nothing more.
    const entry = (): Entry<T> => ({ cacheKey, stamp, ttlMs, compute, flight: `${cacheKey}\0${stamp}` });
    // An entry is `<fresh until, ms since the epoch>:<generation>,<generation>,…,<JSON text>`.
    const hit = found[tables.length];
    const colon = hit === null ? -1 : hit.indexOf(':');
    if (hit !== null && colon > 0 && hit.startsWith(stamp, colon + 1)) {
      // NaN (an entry not written by this code) compares false everywhere: a miss.
      const staleForMs = this.clock.now() - Number(hit.slice(0, colon));
      if (staleForMs < 0) return new JsonText<T>(hit.slice(colon + 1 + stamp.length));
      if (staleForMs < this.staleGraceMs) {
        this.refresh(entry());
        return new JsonText<T>(hit.slice(colon + 1 + stamp.length));
      }
    }
    return (await this.computeShared(entry())).text;
  }

  /**
   * Computes and stores an entry. Callers missing the same entry under the same generations share one
   * computation: when a total of a million rows is missed under load, one COUNT runs per process, not
   * one per waiting call. The answer is there before it is stored; `stored` settles once it is.
   */
  private computeShared<T>(entry: Entry<T>): Promise<Computed<T>> {
    const pending = this.inFlight.get(entry.flight) as Promise<Computed<T>> | undefined;
    if (pending) return pending;
    const freshUntil = this.clock.now() + entry.ttlMs;
    const computing = entry.compute().then((value) => {
      const text = JsonText.of(value);
      const stored = this.kv
        .set(entry.cacheKey, `${freshUntil}:${entry.stamp}${text.text}`, { ttlMs: entry.ttlMs + this.staleGraceMs })
        .then(() => undefined, this.onError);
      return { text, stored };
    });
    this.inFlight.set(entry.flight, computing);
    const settled = () => this.inFlight.delete(entry.flight);
    computing.then(settled, settled);
    return computing;
  }

  /**
   * Starts recomputing a stale entry in the background, unless this process or another (the claim in
   * the KV store) already is. Whatever fails goes to `onError`: the callers have their answer already.
   */
  private refresh<T>(entry: Entry<T>): void {
    if (this.inFlight.has(entry.flight) || this.refreshing.has(entry.cacheKey)) return;
    const refreshing = this.refreshClaimed(entry)
      .catch(this.onError)
      .finally(() => this.refreshing.delete(entry.cacheKey));
    this.refreshing.set(entry.cacheKey, refreshing);
  }

  private async refreshClaimed<T>(entry: Entry<T>): Promise<void> {
    const claim = `refresh:${entry.cacheKey}`;
    const holder = crypto.randomBytes(9).toString('base64url');
    // A refresh still running after a whole TTL is taken for dead (its process gone): another may start.
    if (!(await this.kv.set(claim, holder, { ttlMs: Math.max(entry.ttlMs, 1), onlyIfAbsent: true }))) return;
    try {
      await (await this.computeShared(entry)).stored;
    } finally {
      await this.kv.delIfValue(claim, holder);
    }
  }

  /** Resolves once the background refreshes started so far have finished (before the stores close; tests). */
  async idle(): Promise<void> {
    await Promise.all(this.refreshing.values());
  }
}

/** One cached answer being looked up: its key, the generations it is read under, how to compute it. */
interface Entry<T> {
  cacheKey: string;
  stamp: string;
  ttlMs: number;
  compute: () => Promise<T>;
  /** The entry under these generations: what callers in this process share. */
  flight: string;
}

interface Computed<T> {
  text: JsonText<T>;
  /** Settles once the entry is in the KV store (or storing it failed and was reported). */
  stored: Promise<void>;
}

// The table a statement writes: knex writes `insert into`, `update`, `delete from` with the name first
// (MySQL multi-table deletes name their target before FROM).
const WRITE = /^\s*(?:insert(?:\s+ignore)?\s+into|replace\s+into|update(?:\s+ignore)?|delete\s+(?:[`"]?\w+[`"]?\s+)?from|truncate(?:\s+table)?)\s+[`"]?(\w+)/i;
const READ = /\b(?:from|join)\s+[`"]?(\w+)[`"]?/gi;

export function writtenTable(sql: string): string | undefined {
  return WRITE.exec(sql)?.[1]?.toLowerCase();
}

/** Every table a SELECT reads, subqueries and joins included, sorted so equal queries give equal lists. */
export function readTables(sql: string): string[] {
  const tables = new Set<string>();
  for (const match of sql.matchAll(READ)) tables.add(match[1].toLowerCase());
  return [...tables].sort();
}

/** A cache key for a compiled query: its SQL and values, hashed to a fixed length. */
export function queryKey(prefix: string, sql: string, bindings: readonly unknown[]): string {
  return `${prefix}:${crypto.createHash('md5').update(sql).update('\0').update(JSON.stringify(bindings)).digest('base64url')}`;
}

// Found from any query builder of the root knex (`query.client`); a transaction has a client of its
// own and so reads uncached, as it must (it may see its own uncommitted writes).
const attached = new WeakMap<object, ReadCache>();

export function readCacheOf(client: object): ReadCache | undefined {
  return attached.get(client);
}

interface KnexQuery {
  sql?: string;
  __knexTxId?: string;
  queryContext?: unknown;
}

const UNSEEN = Object.freeze({ readCache: 'unseen' });
const DAY_MS = 24 * 3600 * 1000;

/** What `scopedWrite` hangs on a query. */
interface WriteScope {
  readCache: 'scoped';
  scope: string;
}

const UNSCOPED = '*';
const isScope = (generation: string) => generation.includes('@') && !generation.endsWith(`@${UNSCOPED}`);

/**
 * Marks a write as changing only the rows of one scope (`column = value`: a member's own orders). Like
 * every write it ends what was cached from its table; of the answers cached for one scope
 * (`scopedGenerations`) it ends only those of its own. A write that is not marked ends the answers of
 * every scope of its table, so a writer that does not know of scopes stays exact: it only costs hits.
 */
export function scopedWrite<Q extends Knex.QueryBuilder>(query: Q, column: string, value: string | number): Q {
  const scope: WriteScope = { readCache: 'scoped', scope: `${column}=${value}` };
  return query.queryContext(scope) as Q;
}

/**
 * The generations an answer about one scope of `table` depends on, to cache it under instead of the
 * table's: the scope's own (writes marked with `scopedWrite` for it) and the table's unmarked writes.
 */
export function scopedGenerations(table: string, column: string, value: string | number): string[] {
  return [`${table}@${UNSCOPED}`, `${table}@${column}=${value}`];
}

/**
 * Marks a write no cached answer shows (a hit counter): it leaves the caches of its table alone, so a
 * read counting itself does not end the list it is listed in. Only for columns no cached read selects.
 */
export function unseenByCaches<Q extends Knex.QueryBuilder>(query: Q): Q {
  return query.queryContext(UNSEEN) as Q;
}

/**
 * The generations a statement that has run moves: its table's, and its scope's (or, unmarked, that of
 * the table's unscoped writes). An UPDATE or DELETE that matched nothing changed nothing.
 */
function changedGenerations(response: unknown, query: KnexQuery): string[] {
  if (typeof query.sql !== 'string' || response === 0 || query.queryContext === UNSEEN) return [];
  const table = writtenTable(query.sql);
  if (!table) return [];
  const scope = (query.queryContext as WriteScope | undefined)?.readCache === 'scoped' ? (query.queryContext as WriteScope).scope : UNSCOPED;
  return [table, `${table}@${scope}`];
}

/** Connects `cache` to `db`: every write knex runs outside a transaction bumps its table once it has run. */
export function watchWrites(db: Knex, cache: ReadCache, onError: (err: unknown) => void): void {
  attached.set(db.client, cache);
  db.on('query-response', (response: unknown, query: KnexQuery) => {
    if (query.__knexTxId) return;
    const changed = changedGenerations(response, query);
    if (changed.length) cache.bump(changed).catch(onError);
  });
}

/**
 * Wraps one outermost transaction's work: records the tables it changes and bumps them once it has
 * committed — never before, or a read between the bump and the commit would cache the old rows under
 * the new generation. A transaction that failed was rolled back and changed nothing.
 */
export async function bumpingWrites<T>(db: Knex, run: (record: (trx: Knex.Transaction) => void) => Promise<T>): Promise<T> {
  const cache = readCacheOf(db.client);
  if (!cache) return run(() => undefined);
  const written = new Set<string>();
  const record = (trx: Knex.Transaction) => {
    trx.on('query-response', (response: unknown, query: KnexQuery) => {
      for (const generation of changedGenerations(response, query)) written.add(generation);
    });
  };
  const result = await run(record);
  if (written.size) await cache.bump(written).catch(cache.onError);
  return result;
}
