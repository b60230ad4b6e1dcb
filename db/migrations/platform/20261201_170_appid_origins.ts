import type { Knex } from 'knex';

/**
 * The browser origins an appid's H5 pages are served from (CORS): comma-separated canonical origins,
 * empty = the appid is not for browsers and refuses calls that carry an `Origin` header.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('api_auth', (t) => {
    t.text('origin_allow').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('api_auth', (t) => {
    t.dropColumn('origin_allow');
  });
}
