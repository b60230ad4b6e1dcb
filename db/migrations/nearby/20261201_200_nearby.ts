import type { Knex } from 'knex';
import { createTable } from '../../schema-helpers';

/**
 * The nearby product (catalog-nearby.md "Data"): shop items with their keyword tags, behaviour that
 * feeds the recommendations, precomputed item neighbours, residents' posts with a location, and one
 * message table for broadcasts, system notices and private chats with a per-reader read model.
 * Times are unix milliseconds (the seed answers float seconds); prices are integer fen.
 *
 * nearby_items            id PK, name, simple_desc, simple_desc_close, list_pic_url (NULL = not given),
 *                         retail_price_fen, activity_price_fen (NULL = no activity price), status (1 on sale, 0 off),
 *                         created_ms, updated_ms
 * nearby_item_tags        (item_id, tag) PK, weight; INDEX (tag)
 * nearby_item_actions     id PK, user_id, item_id, action ('view' | 'like' | 'collect' | 'order'), created_ms;
 *                         INDEX (user_id, created_ms), INDEX (item_id)
 * nearby_item_similarity  (item_id, similar_item_id) PK, score, updated_ms: the top neighbours per item
 * nearby_user_locations   user_id PK, lat, lng, updated_ms: where a resident last looked from
 * nearby_posts            id PK, user_id, content, item_id NULL, lat, lng, add_ms, update_ms, deleted_ms NULL;
 *                         INDEX (lat, lng) for the bounding box, INDEX (add_ms)
 * nearby_messages         id PK, sender_id (NULL = the system), receiver_id (NULL = a broadcast), type, subtype,
 *                         title, content, extra, add_ms; INDEX (receiver_id, id), INDEX (sender_id, id)
 * nearby_message_reads    (message_id, user_id) PK, read_ms: who has read what (broadcasts and chats alike)
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'nearby_items', (t) => {
    t.increments('id').primary();
    t.string('name', 100).notNullable();
    t.string('simple_desc', 255).nullable();
    t.string('simple_desc_close', 255).nullable();
    t.string('list_pic_url', 255).nullable();
    t.integer('retail_price_fen').unsigned().notNullable().defaultTo(0);
    t.integer('activity_price_fen').unsigned().nullable();
    t.tinyint('status').notNullable().defaultTo(1);
    t.bigInteger('created_ms').notNullable().defaultTo(0);
    t.bigInteger('updated_ms').notNullable().defaultTo(0);
    t.index(['status', 'id']);
  });
  await createTable(knex, 'nearby_item_tags', (t) => {
    t.integer('item_id').unsigned().notNullable();
    t.string('tag', 32).notNullable();
    t.double('weight').notNullable().defaultTo(0);
    t.primary(['item_id', 'tag']);
    t.index(['tag']);
  });
  await createTable(knex, 'nearby_item_actions', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable();
    t.integer('item_id').unsigned().notNullable();
    t.string('action', 8).notNullable();
    t.bigInteger('created_ms').notNullable();
    t.index(['user_id', 'created_ms']);
    t.index(['item_id']);
  });
  await createTable(knex, 'nearby_item_similarity', (t) => {
    t.integer('item_id').unsigned().notNullable();
    t.integer('similar_item_id').unsigned().notNullable();
    t.double('score').notNullable();
    t.bigInteger('updated_ms').notNullable();
    t.primary(['item_id', 'similar_item_id']);
  });
  await createTable(knex, 'nearby_user_locations', (t) => {
    t.integer('user_id').unsigned().primary();
    t.double('lat').notNullable();
    t.double('lng').notNullable();
    t.bigInteger('updated_ms').notNullable();
  });
  await createTable(knex, 'nearby_posts', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable();
    t.text('content').notNullable();
    t.integer('item_id').unsigned().nullable();
    t.double('lat').notNullable();
    t.double('lng').notNullable();
    t.bigInteger('add_ms').notNullable();
    t.bigInteger('update_ms').notNullable();
    t.bigInteger('deleted_ms').nullable();
    t.index(['lat', 'lng']);
    t.index(['add_ms']);
  });
  await createTable(knex, 'nearby_messages', (t) => {
    t.increments('id').primary();
    t.integer('sender_id').unsigned().nullable();
    t.integer('receiver_id').unsigned().nullable();
    t.string('type', 32).notNullable();
    t.string('subtype', 32).notNullable().defaultTo('default');
    t.string('title', 100).notNullable().defaultTo('');
    t.text('content').notNullable();
    t.text('extra').notNullable();
    t.bigInteger('add_ms').notNullable();
    t.index(['receiver_id', 'id']);
    t.index(['sender_id', 'id']);
  });
  await createTable(knex, 'nearby_message_reads', (t) => {
    t.integer('message_id').unsigned().notNullable();
    t.integer('user_id').unsigned().notNullable();
    t.bigInteger('read_ms').notNullable();
    t.primary(['message_id', 'user_id']);
    t.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'nearby_message_reads',
    'nearby_messages',
    'nearby_posts',
    'nearby_user_locations',
    'nearby_item_similarity',
    'nearby_item_actions',
    'nearby_item_tags',
    'nearby_items',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
