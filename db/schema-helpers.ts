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
