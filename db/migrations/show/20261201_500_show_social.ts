import type { Knex } from 'knex';
import { createTable } from '../../schema-helpers';

/**
 * The social half of the show product (catalog-show.md "Data"). Times are unix seconds.
 *
 * show_users             user_id PK (users.id), category (0 ordinary, 1 master, 2 merchant), score
 * show_merchants         user_id PK, name, logo, intro, address
 * show_follows           (user_id, to_user_id) PK, c_time; INDEX (to_user_id) for followers
 * show_blocks            (user_id, to_user_id) PK, c_time: user_id blocks to_user_id; INDEX (to_user_id)
 * show_banners           id PK, position (home | ticket), image (absolute URL), url, sort
 * show_articles          id PK, user_id, content, images JSON, like/collect/comment counters, deleted_at (0 = live)
 * show_article_likes     (article_id, user_id) PK, c_time
 * show_article_collects  (article_id, user_id) PK, c_time
 * show_article_comments  id PK, article_id, user_id, content, c_time
 * show_messages          id PK, from_user_id, to_user_id, content, deleted_by_sender, deleted_by_receiver, c_time
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'show_users', (t) => {
    t.integer('user_id').unsigned().primary();
    t.tinyint('category').notNullable().defaultTo(0);
    t.integer('score').notNullable().defaultTo(0);
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.index(['category', 'user_id']);
  });
  await createTable(knex, 'show_merchants', (t) => {
    t.integer('user_id').unsigned().primary();
    t.string('name', 50).notNullable();
    t.string('logo', 255).notNullable().defaultTo('');
    t.string('intro', 500).notNullable().defaultTo('');
    t.string('address', 200).notNullable().defaultTo('');
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
  });
  for (const name of ['show_follows', 'show_blocks']) {
    await createTable(knex, name, (t) => {
      t.integer('user_id').unsigned().notNullable();
      t.integer('to_user_id').unsigned().notNullable();
      t.integer('c_time').unsigned().notNullable().defaultTo(0);
      t.primary(['user_id', 'to_user_id']);
      t.index(['to_user_id', 'c_time']);
      t.index(['user_id', 'c_time']);
    });
  }
  await createTable(knex, 'show_banners', (t) => {
    t.increments('id').primary();
    t.string('position', 10).notNullable();
    t.string('image', 255).notNullable();
    t.string('url', 255).notNullable().defaultTo('');
    t.integer('sort').notNullable().defaultTo(0);
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.index(['position', 'sort']);
  });
  await createTable(knex, 'show_articles', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable();
    t.text('content').notNullable();
    t.text('images').notNullable();
    t.integer('like_count').unsigned().notNullable().defaultTo(0);
    t.integer('collect_count').unsigned().notNullable().defaultTo(0);
    t.integer('comment_count').unsigned().notNullable().defaultTo(0);
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.integer('deleted_at').unsigned().notNullable().defaultTo(0);
    t.index(['deleted_at', 'id']);
    t.index(['user_id', 'deleted_at', 'id']);
  });
  for (const name of ['show_article_likes', 'show_article_collects']) {
    await createTable(knex, name, (t) => {
      t.integer('article_id').unsigned().notNullable();
      t.integer('user_id').unsigned().notNullable();
      t.integer('c_time').unsigned().notNullable().defaultTo(0);
      t.primary(['article_id', 'user_id']);
    });
  }
  await createTable(knex, 'show_article_comments', (t) => {
    t.increments('id').primary();
    t.integer('article_id').unsigned().notNullable();
    t.integer('user_id').unsigned().notNullable();
    t.string('content', 500).notNullable();
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.index(['article_id', 'id']);
  });
  await createTable(knex, 'show_messages', (t) => {
    t.increments('id').primary();
    t.integer('from_user_id').unsigned().notNullable();
    t.integer('to_user_id').unsigned().notNullable();
    t.string('content', 1000).notNullable();
    t.tinyint('deleted_by_sender').notNullable().defaultTo(0);
    t.tinyint('deleted_by_receiver').notNullable().defaultTo(0);
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.index(['from_user_id', 'to_user_id', 'id']);
    t.index(['to_user_id', 'from_user_id', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const name of ['show_messages', 'show_article_comments', 'show_article_collects', 'show_article_likes', 'show_articles', 'show_banners', 'show_blocks', 'show_follows', 'show_merchants', 'show_users']) {
    await knex.schema.dropTableIfExists(name);
  }
}
