import type { Knex } from 'knex';
import { auditors, createTable, timestamps } from '../../schema-helpers';

/**
 * The points mall: goods, their SKUs (products), orders with their items, and the points ledger.
 * Goods categories are rows of `categories` with cat_type 3 (migration 020).
 * Prices and points are integers; times are unix seconds (0 / null = unset).
 *
 * goods            goodsid PK, cat_id, goods_name, goods_img, goods_image (JSON array, <= 5 URLs),
 *                  description, spec_val (JSON {name: [values]}, [] for single spec), limit_count (0 = no limit),
 *                  min_price, max_price, min_market_price, max_market_price (cached from live products),
 *                  buy_count (units in orders not 4/5), status (0 off shelf, 1 on shelf, 2 deleted),
 *                  c_time, u_time, c_by, u_by
 * products         productid PK, goodsid, skuid UNIQUE, spec_val ('颜色:::红色|||尺码:::L', '' single spec),
 *                  arr_spec_val (JSON {name: value}, [] single spec), market_price, sales_price,
 *                  stock (CHECK >= 0; change it only with conditional updates), status (1 live, 0 disabled, 2 deleted),
 *                  c_time, u_time, c_by, u_by
 * orders           orderid PK, order_sn UNIQUE ('SN' + YYYYMMDD + 10 digits), namespace ('app'), user_id,
 *                  total_price, payment_price, order_status (1 待发货, 2 已发货, 3 交易成功, 4 已取消, 5 已关闭),
 *                  pay_time, shipping_time, done_time, closed_time (nullable),
 *                  receiver_name, receiver_province, receiver_city, receiver_district, receiver_street,
 *                  receiver_address, receiver_mobile, express_name, express_sn, close_reason,
 *                  c_time, u_time; INDEX (user_id, orderid), INDEX (order_status, orderid)
 * order_items      itemid PK, orderid, goodsid, goods_name, goods_image, productid, spec_val, market_price,
 *                  sales_price, quantity, payment_price, total_price; INDEX (orderid), INDEX (goodsid)
 * points_accounts  user_id PK, balance (CHECK >= 0; always the sum of the user's ledger), u_time
 * points_ledger    log_id PK, user_id, change (signed), balance_after, kind ('grant', 'deduct', 'debit', 'refund'),
 *                  reason, orderid (null unless the row belongs to an order), admin_id (0 = the member/system),
 *                  c_time; UNIQUE (orderid, kind) so an order is debited and refunded at most once;
 *                  INDEX (user_id, log_id)
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'goods', (t) => {
    t.increments('goodsid').primary();
    t.integer('cat_id').unsigned().notNullable().defaultTo(0);
    t.string('goods_name', 100).notNullable();
    t.string('goods_img', 255).notNullable().defaultTo('');
    t.text('goods_image').notNullable(); // JSON array of at most 5 URLs
    t.text('description').notNullable();
    t.text('spec_val').notNullable(); // JSON
    t.integer('limit_count').unsigned().notNullable().defaultTo(0);
    t.integer('min_price').unsigned().notNullable().defaultTo(0);
    t.integer('max_price').unsigned().notNullable().defaultTo(0);
    t.integer('min_market_price').unsigned().notNullable().defaultTo(0);
    t.integer('max_market_price').unsigned().notNullable().defaultTo(0);
    t.integer('buy_count').unsigned().notNullable().defaultTo(0);
    t.tinyint('status').notNullable().defaultTo(0);
    timestamps(t);
    auditors(t);
    t.index(['status', 'cat_id']);
  });
  await createTable(knex, 'products', (t) => {
    t.increments('productid').primary();
    t.integer('goodsid').unsigned().notNullable();
    t.string('skuid', 64).notNullable().unique();
    t.string('spec_val', 255).notNullable().defaultTo('');
    t.text('arr_spec_val').notNullable(); // JSON
    t.integer('market_price').unsigned().notNullable().defaultTo(0);
    t.integer('sales_price').unsigned().notNullable().defaultTo(0);
    t.integer('stock').notNullable().defaultTo(0);
    t.tinyint('status').notNullable().defaultTo(1);
    timestamps(t);
    auditors(t);
    t.index(['goodsid', 'status']);
    t.check('stock >= 0', {}, 'products_stock_non_negative');
  });
  await createTable(knex, 'orders', (t) => {
    t.increments('orderid').primary();
    t.string('order_sn', 32).notNullable().unique();
    t.string('namespace', 16).notNullable().defaultTo('app');
    t.integer('user_id').unsigned().notNullable();
    t.integer('total_price').unsigned().notNullable().defaultTo(0);
    t.integer('payment_price').unsigned().notNullable().defaultTo(0);
    t.tinyint('order_status').notNullable().defaultTo(1);
    t.integer('pay_time').unsigned().nullable();
    t.integer('shipping_time').unsigned().nullable();
    t.integer('done_time').unsigned().nullable();
    t.integer('closed_time').unsigned().nullable();
    t.string('receiver_name', 32).notNullable().defaultTo('');
    t.string('receiver_province', 50).notNullable().defaultTo('');
    t.string('receiver_city', 50).notNullable().defaultTo('');
    t.string('receiver_district', 50).notNullable().defaultTo('');
    t.string('receiver_street', 50).notNullable().defaultTo('');
    t.string('receiver_address', 100).notNullable().defaultTo('');
    t.string('receiver_mobile', 11).notNullable().defaultTo('');
    t.string('express_name', 50).notNullable().defaultTo('');
    t.string('express_sn', 50).notNullable().defaultTo('');
    t.string('close_reason', 255).notNullable().defaultTo('');
    timestamps(t);
    t.index(['user_id', 'orderid']);
    t.index(['order_status', 'orderid']);
  });
  await createTable(knex, 'order_items', (t) => {
    t.increments('itemid').primary();
    t.integer('orderid').unsigned().notNullable();
    t.integer('goodsid').unsigned().notNullable();
    t.string('goods_name', 100).notNullable();
    t.string('goods_image', 255).notNullable().defaultTo('');
    t.integer('productid').unsigned().notNullable();
    t.string('spec_val', 255).notNullable().defaultTo('');
    t.integer('market_price').unsigned().notNullable().defaultTo(0);
    t.integer('sales_price').unsigned().notNullable().defaultTo(0);
    t.integer('quantity').unsigned().notNullable();
    t.integer('payment_price').unsigned().notNullable().defaultTo(0);
    t.integer('total_price').unsigned().notNullable().defaultTo(0);
    t.index(['orderid']);
    t.index(['goodsid']);
  });
  await createTable(knex, 'points_accounts', (t) => {
    t.integer('user_id').unsigned().primary();
    t.integer('balance').notNullable().defaultTo(0);
    t.integer('u_time').unsigned().notNullable().defaultTo(0);
    t.check('balance >= 0', {}, 'points_balance_non_negative');
  });
  await createTable(knex, 'points_ledger', (t) => {
    t.increments('log_id').primary();
    t.integer('user_id').unsigned().notNullable();
    t.integer('change').notNullable();
    t.integer('balance_after').notNullable();
    t.string('kind', 16).notNullable();
    t.string('reason', 255).notNullable().defaultTo('');
    t.integer('orderid').unsigned().nullable();
    t.integer('admin_id').unsigned().notNullable().defaultTo(0);
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.unique(['orderid', 'kind']);
    t.index(['user_id', 'log_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['points_ledger', 'points_accounts', 'order_items', 'orders', 'products', 'goods']) {
    await knex.schema.dropTableIfExists(table);
  }
}
