import type { Knex } from 'knex';

/** The SQL statements `work` made `db` run (all of them: run it when nothing else is calling). */
export async function statementsDuring(db: Knex, work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const record = (query: { sql: string }) => void seen.push(query.sql);
  db.on('query', record);
  try {
    await work();
  } finally {
    db.off('query', record);
  }
  return seen;
}
