import type { Knex } from 'knex';
import { createTable } from '../../schema-helpers';

/**
 * The campus product's own tables (catalog-campus "Data"); users, files and wallets are the platform's.
 *
 * campus_properties  lost (type 1) and found (type 2) notices; soft-deleted by deleted_at; times unix seconds
 * campus_shops       shop_id random 9 digits, shop_name unique and immutable, owner user_id
 * campus_products    product_id random 7 digits; prices in integer cents; status 0 off sale, 1 on sale, 2 deleted
 * campus_purchases   purchase_id = 10-digit unix time + 7-digit product id; one product per purchase (the
 *                    seed's purchase carries one line); seller_id is the shop owner when it was applied for
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'campus_properties', (t) => {
    t.increments('id').primary();
    t.tinyint('type').notNullable();
    t.tinyint('state').notNullable().defaultTo(0);
    t.string('lab', 50).notNullable();
    t.string('title', 20).notNullable();
    t.string('content', 500).notNullable();
    t.integer('occurrence_time').unsigned().notNullable().defaultTo(0);
    t.integer('user_id').unsigned().notNullable();
    t.string('user_name', 10).notNullable().defaultTo('');
    t.string('user_phone', 15).notNullable().defaultTo('');
    t.string('user_qq', 15).notNullable().defaultTo('');
    t.string('user2_id', 15).notNullable().defaultTo('');
    t.string('user2_name', 10).notNullable().defaultTo('');
    t.string('user2_phone', 15).notNullable().defaultTo('');
    t.string('user2_qq', 15).notNullable().defaultTo('');
    t.integer('publish_time').unsigned().notNullable().defaultTo(0);
    t.integer('update_time').unsigned().notNullable().defaultTo(0);
    t.tinyint('pic_num').notNullable().defaultTo(0);
    t.string('pic_url1', 1024).notNullable().defaultTo('');
    t.string('pic_url2', 1024).notNullable().defaultTo('');
    t.string('pic_url3', 1024).notNullable().defaultTo('');
    t.integer('deleted_at').unsigned().notNullable().defaultTo(0);
    t.index(['type', 'state', 'update_time']);
    t.index(['user_id']);
  });
  await createTable(knex, 'campus_shops', (t) => {
    t.integer('shop_id').unsigned().primary();
    t.string('shop_name', 100).notNullable().unique();
    t.text('shop_content').notNullable();
    t.integer('user_id').unsigned().notNullable();
    t.string('pic_url', 512).notNullable().defaultTo('');
    t.integer('creat_time').unsigned().notNullable().defaultTo(0);
    t.index(['user_id']);
    t.index(['creat_time']);
  });
  await createTable(knex, 'campus_products', (t) => {
    t.integer('product_id').unsigned().primary();
    t.integer('shop_id').unsigned().notNullable();
    t.string('product_name', 100).notNullable();
    t.text('product_content').notNullable();
    t.string('product_key', 255).nullable();
    t.integer('price_cents').unsigned().notNullable();
    t.integer('disprice_cents').unsigned().nullable();
    t.integer('product_sale').unsigned().notNullable().defaultTo(0);
    t.integer('product_click').unsigned().notNullable().defaultTo(0);
    t.integer('product_collection').unsigned().notNullable().defaultTo(0);
    t.string('pic_url', 1024).nullable();
    t.tinyint('product_status').notNullable().defaultTo(0);
    t.integer('creat_time').unsigned().notNullable().defaultTo(0);
    t.integer('update_time').unsigned().notNullable().defaultTo(0);
    t.index(['shop_id', 'product_status']);
    t.index(['product_status', 'creat_time']);
  });
  await createTable(knex, 'campus_purchases', (t) => {
    t.string('purchase_id', 17).primary();
    t.string('purchase_state', 16).notNullable();
    t.integer('user_id').unsigned().notNullable();
    t.integer('seller_id').unsigned().notNullable();
    t.integer('shop_id').unsigned().notNullable();
    t.integer('product_id').unsigned().notNullable();
    t.integer('product_num').unsigned().notNullable();
    t.integer('unit_cents').unsigned().notNullable();
    t.integer('total_cents').unsigned().notNullable();
    t.integer('purchase_type').notNullable().defaultTo(0);
    t.string('pay_method', 16).nullable();
    t.integer('creat_time').unsigned().notNullable();
    t.integer('paid_at').unsigned().notNullable().defaultTo(0);
    t.integer('cancelled_at').unsigned().notNullable().defaultTo(0);
    t.index(['user_id', 'creat_time']);
    t.index(['shop_id', 'creat_time']);
    t.index(['purchase_state', 'creat_time']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['campus_purchases', 'campus_products', 'campus_shops', 'campus_properties']) await knex.schema.dropTableIfExists(table);
}
