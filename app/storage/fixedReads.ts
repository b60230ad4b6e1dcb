import type { Knex } from 'knex';
import { readTables } from './readCache';
import { sendsPreparedReads } from './preparedReads';

/** The values a fixed read takes: what both engines bind as they are. */
export type Value = string | number;

interface Mysql2Connection {
  execute(sql: string, values: readonly Value[], done: (err: Error | null, rows: unknown) => void): void;
  query(sql: string, values: readonly Value[], done: (err: Error | null, rows: unknown) => void): void;
}

interface PooledClient {
  config: { client?: unknown };
  acquireConnection(): Promise<Mysql2Connection>;
  releaseConnection(connection: Mysql2Connection): Promise<void>;
  emit(event: 'query', query: { sql: string; bindings: readonly Value[]; method: 'select' }): boolean;
}

// The subset of SQL both engines read the same: lowercase identifiers unquoted, `?` for every value.
const FIXED_SELECT = /^select\s[^;'"`]*$/i;

/**
 * A SELECT whose text never changes, only its values: a lookup by key, the default page of a list.
 * Every call of a hot method paid knex's builder, compiler and runner on top of the query (about 90 µs
 * on MySQL, more than mysql2 spends on the query: `npm run bench`, user.detail with and without), for a
 * statement that comes out the same each time. On MySQL outside a transaction the text goes straight
 * to a pooled connection (prepared, like every read: storage/preparedReads.ts); elsewhere it runs
 * through `db.raw`. Knex's `query` event still sees it, so statement counts and query logs stay whole.
 */
export class FixedRead<Row> {
  /** Every table the statement reads: what a cached answer built from it depends on. */
  readonly tables: readonly string[];
  private readonly placeholders: number;

  constructor(readonly sql: string) {
    if (!FIXED_SELECT.test(sql)) throw new Error(`a fixed read is one SELECT with ? for its values and no quotes: ${sql}`);
    this.tables = readTables(sql);
    this.placeholders = sql.split('?').length - 1;
  }

  async rows(db: Knex | Knex.Transaction, values: readonly Value[]): Promise<Row[]> {
    if (values.length !== this.placeholders) throw new Error(`${this.placeholders} values expected, ${values.length} given: ${this.sql}`);
    const client = db.client as unknown as PooledClient;
    if (client.config.client !== 'mysql2' || db.isTransaction) {
      const result: unknown = await db.raw(this.sql, values as Value[]);
      // mysql2 answers [rows, fields], better-sqlite3 the rows
      return (client.config.client === 'mysql2' ? (result as [Row[]])[0] : result) as Row[];
    }
    const connection = await client.acquireConnection();
    try {
      client.emit('query', { sql: this.sql, bindings: values, method: 'select' });
      return await new Promise<Row[]>((resolve, reject) => {
        const done = (err: Error | null, rows: unknown) => (err ? reject(err) : resolve(rows as Row[]));
        if (sendsPreparedReads(db.client)) connection.execute(this.sql, values, done);
        else connection.query(this.sql, values, done);
      });
    } finally {
      await client.releaseConnection(connection);
    }
  }

  async first(db: Knex | Knex.Transaction, values: readonly Value[]): Promise<Row | undefined> {
    return (await this.rows(db, values))[0];
  }
}

/** `?, ?, …` for `count` values: the IN list of a fixed read of that many keys. */
export function placeholdersFor(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
