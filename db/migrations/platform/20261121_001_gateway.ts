import type { Knex } from 'knex';
import { createTable, timestamps } from '../../schema-helpers';

export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'api_auth', (t) => {
    t.increments('id').primary();
    t.string('appid', 32).notNullable().unique();
    t.string('api_type', 16).notNullable();
    t.string('name', 64).notNullable().defaultTo('');
    t.string('secret', 64).notNullable();
    // Rotation: the previous secret keeps verifying until prev_secret_expires_at (unix seconds).
    t.string('prev_secret', 64).nullable();
    t.integer('prev_secret_expires_at').unsigned().nullable();
    // Comma-separated IPv4/IPv6 addresses and CIDR blocks; empty = any address.
    t.text('ip_allow').nullable();
    t.tinyint('status').notNullable().defaultTo(1); // 1 active, 0 disabled
    timestamps(t);
  });
  await createTable(knex, 'ip_bans', (t) => {
    t.increments('id').primary();
    t.string('ip', 64).notNullable(); // an address or a CIDR block
    t.string('reason', 255).notNullable().defaultTo('');
    t.integer('expires_at').unsigned().nullable(); // null = until lifted
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.index(['ip']);
    t.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('ip_bans');
  await knex.schema.dropTableIfExists('api_auth');
}
