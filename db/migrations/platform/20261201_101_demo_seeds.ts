import type { Knex } from 'knex';
import { createTable } from '../../schema-helpers';

/**
 * One row per product whose demo data has been written (app/platform/demo.ts): demo data is decided by
 * this marker, not by whether an appid exists. A database seeded before the marker existed is recognised
 * by the demo appid that seed created, so it is not seeded twice.
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'demo_seeds', (t) => {
    t.string('product', 32).primary();
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
  });
  const seededBefore = await knex('api_auth').where({ appid: 'demo_app' }).first('c_time');
  if (seededBefore) await knex('demo_seeds').insert({ product: 'app', c_time: seededBefore.c_time });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('demo_seeds');
}
