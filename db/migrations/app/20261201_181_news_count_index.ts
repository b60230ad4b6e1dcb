import type { Knex } from 'knex';

/**
 * `news.list`'s total counts live, displayed news of live categories: (status, display, cat_id) lets it
 * count from the index for each category instead of reading every news row (1M rows: 0.52 s → 0.17 s on
 * MariaDB, EXPLAIN "Using index"). The page itself keeps walking (status, display, news_id).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('news', (t) => {
    t.index(['status', 'display', 'cat_id'], 'news_status_display_cat_id_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('news', (t) => {
    t.dropIndex(['status', 'display', 'cat_id'], 'news_status_display_cat_id_index');
  });
}
