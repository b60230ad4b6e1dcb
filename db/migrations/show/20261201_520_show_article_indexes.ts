import type { Knex } from 'knex';

/**
 * `article.detail` lists the 100 newest likers and collectors of one article: (article_id, c_time)
 * reads them newest first and stops at 100, where the (article_id, user_id) key had to sort every like
 * of a popular article first.
 */
const INDEXES = [
  { table: 'show_article_likes', name: 'show_article_likes_newest_index' },
  { table: 'show_article_collects', name: 'show_article_collects_newest_index' },
];

export async function up(knex: Knex): Promise<void> {
  for (const { table, name } of INDEXES) {
    await knex.schema.alterTable(table, (t) => {
      t.index(['article_id', 'c_time'], name);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const { table, name } of INDEXES) {
    await knex.schema.alterTable(table, (t) => {
      t.dropIndex(['article_id', 'c_time'], name);
    });
  }
}
