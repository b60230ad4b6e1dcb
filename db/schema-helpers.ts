import type { Knex } from 'knex';

/**
 * `knex.schema.createTable`, with utf8mb4 and InnoDB on MySQL so that emoji in a nickname is data,
 * not a 500 (SQLite is UTF-8 already). Every migration creates its tables through this.
 */
export function createTable(knex: Knex, name: string, build: (table: Knex.CreateTableBuilder) => void): Knex.SchemaBuilder {
  return knex.schema.createTable(name, (table) => {
    if (knex.client.config.client === 'mysql2') {
      table.charset('utf8mb4');
      table.collate('utf8mb4_unicode_ci');
      table.engine('InnoDB');
    }
    build(table);
  });
}

/** c_time / u_time as unix seconds: one representation on both engines, formatted at the edge. */
export function timestamps(table: Knex.CreateTableBuilder): void {
  table.integer('c_time').unsigned().notNullable().defaultTo(0);
  table.integer('u_time').unsigned().notNullable().defaultTo(0);
}

/** c_by / u_by: the admin who created or last changed a row (0 = the system). */
export function auditors(table: Knex.CreateTableBuilder): void {
  table.integer('c_by').unsigned().notNullable().defaultTo(0);
  table.integer('u_by').unsigned().notNullable().defaultTo(0);
}

/** A table's opaque key columns, each with its full definition (MySQL's ALTER restates the column). */
export interface OpaqueKeys {
  table: string;
  columns: Array<(t: Knex.AlterTableBuilder) => Knex.ColumnBuilder>;
}

/**
 * Opaque keys (appids, tokens, hashes) compared byte for byte on MySQL too: the tables' default
 * collation folds case and accents. SQLite compares bytes already, so this is MySQL only.
 */
export async function collateKeys(knex: Knex, keys: readonly OpaqueKeys[], collation: 'utf8mb4_bin' | 'utf8mb4_unicode_ci'): Promise<void> {
  if (knex.client.config.client !== 'mysql2') return;
  for (const { table, columns } of keys) {
    await knex.schema.alterTable(table, (t) => {
      for (const column of columns) column(t).collate(collation).alter();
    });
  }
}
