import type { Knex } from 'knex';
import { auditors, createTable, timestamps } from '../../schema-helpers';

/**
 * The two clothing catalogues of the show product and their recommendations (catalog-show.md "Data",
 * decision 15). Times are unix seconds, prices integer cents.
 *
 * show_clothes           id PK, kind (design | merchant), merchant_user_id (0 for design works), name, image
 *                        (absolute URL), intro, price (cents), tags (JSON list of jieba keywords of name + intro),
 *                        status (1 shown, 0 off), like_count (= its rows in show_cloth_likes), c/u_time, c/u_by;
 *                        INDEX (kind, status, id): both app lists and the recommendation's candidates, newest first;
 *                        INDEX (kind, id), (status, id): the back office list filtered by one of them
 * show_cloth_likes       (cloth_id, user_id) PK, c_time; INDEX (user_id, c_time): a user's likes;
 *                        INDEX (c_time, cloth_id): likes of the last 30 days per cloth (cold start)
 * show_cloth_similarity  (cloth_id, similar_id) PK, score: cosine of the two clothes' likers, top neighbours per
 *                        cloth, rebuilt whole by the job show.similarity
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'show_clothes', (t) => {
    t.increments('id').primary();
    t.string('kind', 10).notNullable();
    t.integer('merchant_user_id').unsigned().notNullable().defaultTo(0);
    t.string('name', 100).notNullable();
    t.string('image', 255).notNullable();
    t.string('intro', 1000).notNullable().defaultTo('');
    t.integer('price').unsigned().notNullable();
    t.text('tags').notNullable();
    t.tinyint('status').notNullable().defaultTo(1);
    t.integer('like_count').unsigned().notNullable().defaultTo(0);
    timestamps(t);
    auditors(t);
    t.index(['kind', 'status', 'id']);
    t.index(['kind', 'id']);
    t.index(['status', 'id']);
  });
  await createTable(knex, 'show_cloth_likes', (t) => {
    t.integer('cloth_id').unsigned().notNullable();
    t.integer('user_id').unsigned().notNullable();
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.primary(['cloth_id', 'user_id']);
    t.index(['user_id', 'c_time']);
    t.index(['c_time', 'cloth_id']);
  });
  await createTable(knex, 'show_cloth_similarity', (t) => {
    t.integer('cloth_id').unsigned().notNullable();
    t.integer('similar_id').unsigned().notNullable();
    t.double('score').notNullable();
    t.primary(['cloth_id', 'similar_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const name of ['show_cloth_similarity', 'show_cloth_likes', 'show_clothes']) await knex.schema.dropTableIfExists(name);
}
