import type { Knex } from 'knex';

/**
 * Who in the back office last touched show rows (admin_id, 0 = the system or the user): the admin who
 * added a banner, who last set a merchant profile, who last set a user's category.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('show_banners', (t) => {
    t.integer('c_by').unsigned().notNullable().defaultTo(0);
  });
  for (const table of ['show_merchants', 'show_users']) {
    await knex.schema.alterTable(table, (t) => {
      t.integer('u_time').unsigned().notNullable().defaultTo(0);
      t.integer('u_by').unsigned().notNullable().defaultTo(0);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['show_merchants', 'show_users']) {
    await knex.schema.alterTable(table, (t) => {
      t.dropColumn('u_by');
      t.dropColumn('u_time');
    });
  }
  await knex.schema.alterTable('show_banners', (t) => {
    t.dropColumn('c_by');
  });
}
