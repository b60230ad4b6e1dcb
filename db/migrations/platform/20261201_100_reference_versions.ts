import type { Knex } from 'knex';
import { createTable } from '../../schema-helpers';

/**
 * Which version of each large reference data set a database holds (the district tree: 44,700 rows), so a
 * start checks one row instead of the whole set, and two processes starting at once install it once.
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'reference_versions', (t) => {
    t.string('name', 64).primary();
    t.string('version', 64).notNullable().defaultTo(''); // '' = claimed, never installed
    t.integer('u_time').unsigned().notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('reference_versions');
}
