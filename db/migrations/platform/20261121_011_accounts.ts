import type { Knex } from 'knex';
import { createTable, timestamps } from '../../schema-helpers';

/** Account bookkeeping: every login and registration, and the push device each user is bound to. */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'login_log', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable();
    t.string('kind', 10).notNullable(); // login, register
    t.string('ip', 45).notNullable().defaultTo('');
    t.tinyint('platform').notNullable().defaultTo(0);
    t.string('app_v', 20).notNullable().defaultTo('');
    t.string('channel', 32).notNullable().defaultTo('');
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.index(['user_id', 'c_time']);
  });
  await createTable(knex, 'push_devices', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable().unique();
    t.string('device_token', 255).notNullable().defaultTo(''); // '' = logged out, no pushes
    t.tinyint('platform').notNullable().defaultTo(0);
    t.string('app_v', 20).notNullable().defaultTo('');
    t.string('last_device_token', 255).notNullable().defaultTo('');
    timestamps(t);
    t.index(['device_token']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('push_devices');
  await knex.schema.dropTableIfExists('login_log');
}
