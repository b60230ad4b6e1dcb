import type { Knex } from 'knex';

/**
 * When a notice was first shown: `notice.unread.count` counts notices published after the member
 * registered, and a notice created hidden is published only when it is shown. 0 = never stamped
 * (rows written before this column, or straight into the table): c_time stands in.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('notices', (t) => {
    t.integer('published_at').unsigned().notNullable().defaultTo(0);
  });
  await knex('notices').where({ cur_status: 1 }).update({ published_at: knex.ref('c_time') });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('notices', (t) => {
    t.dropColumn('published_at');
  });
}
