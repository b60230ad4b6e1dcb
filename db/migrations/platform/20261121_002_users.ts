import type { Knex } from 'knex';
import { createTable, timestamps } from '../../schema-helpers';

/** The shared member tables every namespace builds on: users, their addresses and the district tree. */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'users', (t) => {
    t.increments('id').primary();
    t.string('open_id', 32).notNullable().unique();
    t.string('mobile', 11).notNullable().unique();
    t.string('password_hash', 255).notNullable().defaultTo(''); // '' = no password set yet
    t.string('nickname', 64).notNullable().defaultTo('');
    t.string('headimg', 255).notNullable().defaultTo('');
    t.string('intro', 255).notNullable().defaultTo('');
    t.tinyint('platform').notNullable().defaultTo(0);
    t.string('channel', 32).notNullable().defaultTo('');
    t.tinyint('status').notNullable().defaultTo(1); // 1 active, 0 disabled
    // Sessions issued before this moment (unix ms) answer 606.
    t.bigInteger('pwd_changed_at').notNullable().defaultTo(0);
    timestamps(t);
    t.index(['c_time']);
  });
  await createTable(knex, 'districts', (t) => {
    t.integer('districtid').unsigned().primary();
    t.integer('parentid').unsigned().notNullable().defaultTo(0);
    t.string('name', 50).notNullable();
    t.tinyint('region_type').notNullable(); // 1 province, 2 city, 3 district, 4 street
    t.tinyint('status').notNullable().defaultTo(1);
    t.index(['parentid']);
  });
  await createTable(knex, 'user_addresses', (t) => {
    t.increments('addressid').primary();
    t.integer('user_id').unsigned().notNullable();
    t.string('realname', 32).notNullable();
    t.string('mobile', 11).notNullable();
    t.integer('districtid').unsigned().notNullable();
    t.string('address', 100).notNullable();
    t.tinyint('is_default').notNullable().defaultTo(0);
    t.tinyint('status').notNullable().defaultTo(1); // 1 live, 2 deleted
    timestamps(t);
    t.index(['user_id', 'status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('user_addresses');
  await knex.schema.dropTableIfExists('districts');
  await knex.schema.dropTableIfExists('users');
}
