import type { Knex } from 'knex';
import { createTable, timestamps } from '../../schema-helpers';

/**
 * Ticket orders of the show product (catalogue decisions 5 and 6). The catalogue's shared `orders` /
 * `order_items` belong to the `app` product here, and a product never imports another, so show keeps its
 * own. Money is integer cents; times unix seconds.
 *
 * show_orders       id PK, user_id, order_no UNIQUE (the wallet reason and support's handle), status
 *                   (0 unpaid, 1 paid, 2 cancelled, 3 used), total_cents (Σ unit × number), number (Σ
 *                   tickets), c_time, u_time, paid_at (0 = never);
 *                   INDEX (user_id, status, id) for my.order.list with a status, (user_id, id) without;
 *                   INDEX (status, c_time) for the unpaid sweep (job show.orders.expire)
 * show_order_items  id PK, order_id, ticket_id, unit_cents (the ticket's price when ordered), number;
 *                   UNIQUE (order_id, ticket_id): one line per ticket
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'show_orders', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable();
    t.string('order_no', 32).notNullable().unique();
    t.tinyint('status').notNullable().defaultTo(0);
    t.bigInteger('total_cents').notNullable();
    t.integer('number').unsigned().notNullable();
    timestamps(t);
    t.integer('paid_at').unsigned().notNullable().defaultTo(0);
    t.index(['user_id', 'status', 'id']);
    t.index(['user_id', 'id']);
    t.index(['status', 'c_time']);
  });
  await createTable(knex, 'show_order_items', (t) => {
    t.increments('id').primary();
    t.integer('order_id').unsigned().notNullable();
    t.integer('ticket_id').unsigned().notNullable();
    t.integer('unit_cents').unsigned().notNullable();
    t.integer('number').unsigned().notNullable();
    t.unique(['order_id', 'ticket_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('show_order_items');
  await knex.schema.dropTableIfExists('show_orders');
}
