import type { Knex } from 'knex';

/** What knex hands its dialect for one statement. */
interface Statement {
  sql: string;
  bindings?: unknown[];
  method?: string;
  options?: Record<string, unknown>;
  response?: unknown;
}

interface Mysql2Connection {
  execute(options: Record<string, unknown>, bindings: unknown[] | undefined, done: (err: Error | null, rows: unknown, fields: unknown) => void): void;
}

const preparing = new WeakSet<object>();

/** Whether `client` sends its reads prepared (and so should a read that bypasses knex's runner). */
export function sendsPreparedReads(client: object): boolean {
  return preparing.has(client);
}

const READS = new Set(['select', 'first', 'pluck']);

/** Values the binary protocol carries as they are (a Date or a Buffer would be typed differently). */
const plain = (value: unknown) => value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

interface Dialect {
  _query(connection: Mysql2Connection, statement: Statement): Promise<Statement>;
}

/**
 * Sends every read of knex's mysql2 `client` as a prepared statement (`execute`): the server parses a
 * statement once per connection instead of on every call (`../shared/notes/ceiling.md`: a primary-key
 * SELECT by `execute` 12,300 req/s against 11,200 by `query`). Writes, DDL and reads with other values
 * than strings and numbers stay on `query`. mysql2 keeps `maxPreparedStatements` statements per
 * connection and closes the least recently used. The client's own `config.client` stays 'mysql2', which
 * the migrations and the engine checks read.
 */
export function preferPreparedReads(client: Knex.Client): void {
  // A subclass of the client's own class, not a patched instance: a transaction's client is made from
  // `client.constructor.prototype`, and its reads are prepared too.
  const Dialect = client.constructor as new (...args: any[]) => Dialect;
  class PreparedReads extends Dialect {
    override _query(connection: Mysql2Connection, statement: Statement): Promise<Statement> {
      if (!READS.has(statement.method ?? '') || !(statement.bindings ?? []).every(plain)) return super._query(connection, statement);
      return new Promise((resolve, reject) => {
        connection.execute({ sql: statement.sql, ...statement.options }, statement.bindings, (err, rows, fields) => {
          if (err) return reject(err);
          statement.response = [rows, fields];
          resolve(statement);
        });
      });
    }
  }
  Object.setPrototypeOf(client, PreparedReads.prototype);
  preparing.add(client);
}
