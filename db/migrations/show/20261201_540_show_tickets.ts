import type { Knex } from 'knex';
import { auditors, createTable, timestamps } from '../../schema-helpers';

/**
 * Tickets, their comments and the cart (catalog-show.md "Data"). Money in cents, times in unix seconds.
 *
 * show_tickets          id PK, name, image (absolute URL), intro, price (cents), total, remain, status
 *                       (0 off sale, 1 on sale), c_by/u_by (admin), c_time, u_time; INDEX (status, id)
 *                       for the on-sale list. `remain` is what can still be reserved: an order takes from it
 *                       by a conditional decrement (`WHERE remain >= n`), so total - remain is sold or
 *                       reserved. Signed on purpose: MySQL refuses an UNSIGNED subtraction that goes below
 *                       zero even inside a guarded expression, and the guards keep it >= 0 anyway.
 * show_ticket_comments  id PK, ticket_id, user_id, content, c_time; INDEX (ticket_id, id) newest first
 * show_cart_items       (user_id, ticket_id) PK, number (1..10), c_time, u_time
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'show_tickets', (t) => {
    t.increments('id').primary();
    t.string('name', 100).notNullable();
    t.string('image', 255).notNullable();
    t.string('intro', 2000).notNullable().defaultTo('');
    t.integer('price').notNullable();
    t.integer('total').notNullable();
    t.integer('remain').notNullable();
    t.tinyint('status').notNullable().defaultTo(0);
    auditors(t);
    timestamps(t);
    t.index(['status', 'id']);
  });
  await createTable(knex, 'show_ticket_comments', (t) => {
    t.increments('id').primary();
    t.integer('ticket_id').unsigned().notNullable();
    t.integer('user_id').unsigned().notNullable();
    t.string('content', 500).notNullable();
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.index(['ticket_id', 'id']);
  });
  await createTable(knex, 'show_cart_items', (t) => {
    t.integer('user_id').unsigned().notNullable();
    t.integer('ticket_id').unsigned().notNullable();
    t.integer('number').notNullable();
    timestamps(t);
    t.primary(['user_id', 'ticket_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const name of ['show_cart_items', 'show_ticket_comments', 'show_tickets']) await knex.schema.dropTableIfExists(name);
}
