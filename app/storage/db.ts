import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { AppConfig } from '../../config';
import type { Logger } from '../core/logger';
import { bumpingWrites } from './readCache';
import { preferPreparedReads } from './preparedReads';

export type { Knex } from 'knex';

/**
 * The SQLite file is created 0600 in a 0700 directory before SQLite opens it (a file already there is
 * tightened), because SQLite gives its -wal and -shm files the mode of the database file: none of the
 * three is then readable by other users of the host.
 */
export function prepareSqliteFile(file: string): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(target, 'a', 0o600));
  for (const own of [target, `${target}-wal`, `${target}-shm`]) {
    if (fs.existsSync(own) && (fs.statSync(own).mode & 0o077) !== 0) fs.chmodSync(own, 0o600);
  }
}

/** Knex's own warnings (a lost or refused connection) as one log line each, not a stack on the console. */
function knexLog(logger: Logger | undefined): Knex.Config['log'] {
  if (!logger) return undefined;
  const line = (level: 'warn' | 'error' | 'debug') => (message: unknown) =>
    logger[level]({ detail: String(message instanceof Error ? message.message : message).split('\n')[0].slice(0, 300) }, 'database');
  return { warn: line('warn'), error: line('error'), deprecate: line('warn'), debug: line('debug') };
}

/** A Knex instance for the configured database; the schema is `db/migrations`, the same for both. */
export function createDb(db: AppConfig['db'], logger?: Logger): Knex {
  if (db.client === 'sqlite') {
    if (db.sqliteFile !== ':memory:') prepareSqliteFile(db.sqliteFile);
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: db.sqliteFile },
      useNullAsDefault: true,
      log: knexLog(logger),
      // Error messages otherwise carry the SQL with its values (hashes, mobiles) into the log.
      compileSqlOnError: false,
      // One connection: SQLite serialises writers anyway, and transactions then queue instead of failing.
      pool: {
        min: 1,
        max: 1,
        afterCreate(conn: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
          conn.pragma('journal_mode = WAL');
          conn.pragma('foreign_keys = ON');
          conn.pragma('busy_timeout = 5000');
          done(null, conn);
        },
      },
    });
  }
  const connection: Knex.MySql2ConnectionConfig | string = db.url
    ? db.url
    : { host: db.host, port: db.port, user: db.user, password: db.password, database: db.database };
  // Bounded waits: a dead server refuses at once (knex propagates the failed connect), an unreachable one
  // fails at the connect timeout, and an exhausted pool at the acquire timeout — each a clean 500, not a hang.
  const common = { charset: 'utf8mb4', supportBigNumbers: true, connectTimeout: db.connectTimeoutMs, maxPreparedStatements: Math.max(1, db.preparedStatements) };
  const knex = knexFactory({
    client: 'mysql2',
    connection:
      typeof connection === 'string'
        ? { uri: connection, ...common } as Knex.MySql2ConnectionConfig
        : { ...connection, ...common },
    pool: { min: 0, max: db.poolMax },
    acquireConnectionTimeout: db.acquireTimeoutMs,
    log: knexLog(logger),
    compileSqlOnError: false,
  });
  if (db.preparedStatements > 0) preferPreparedReads(knex.client);
  return knex;
}

/** Deadlock victims and lock-wait timeouts (MySQL): the transaction was rolled back and may simply run again. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

export interface RetryOptions {
  /** Runs in all, the first included (default 5); then the last error stands. */
  attempts?: number;
  /** Repairs what an error other than a deadlock left behind and answers true to run again (order numbers). */
  recover?: (err: unknown) => Promise<boolean>;
}

const DEFAULT_ATTEMPTS = 5;

/**
 * Runs `work` (a whole transaction, plus anything it needs recomputed per run) again after a deadlock or
 * a lock-wait timeout, or after an error `recover` repaired. A short random pause before each new run
 * keeps two victims of one deadlock from meeting again in the same order.
 */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts) throw err;
      if (!isRetryable(err) && !(options.recover && (await options.recover(err)))) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/**
 * THE way to run a write transaction: on MySQL any transaction that takes locks can be chosen as a
 * deadlock victim, and the answer to that is to run it again, never a 500. Inside another transaction
 * (`db` is a transaction) it runs as a savepoint and does not retry: a deadlock rolled the outer
 * transaction back, so only the outermost run may start over. The work's own error is what the caller
 * sees, even when the savepoint could not be rolled back to (InnoDB drops savepoints with the
 * transaction on a deadlock, and knex would answer that failure instead).
 */
export function transaction<T>(db: Knex, work: (trx: Knex.Transaction) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  if (!db.isTransaction) {
    return withRetry(() => bumpingWrites(db, (record) => db.transaction((trx) => { record(trx); return work(trx); })), options);
  }
  let failure: { err: unknown } | undefined;
  return db
    .transaction(async (trx) => {
      try {
        return await work(trx);
      } catch (err) {
        failure = { err };
        throw err;
      }
    })
    .catch((err: unknown) => {
      throw failure ? failure.err : err;
    });
}

/** Unique-key violation, on either engine (duplicate registration, skuid, order number…). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; errno?: number };
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The new row's id from `insert`, on both engines (MySQL has no RETURNING). */
export async function insertId(query: Promise<number[] | unknown[]>): Promise<number> {
  const rows = (await query) as Array<number | { id: number }>;
  const first = rows[0];
  return typeof first === 'number' ? first : Number(first.id);
}
