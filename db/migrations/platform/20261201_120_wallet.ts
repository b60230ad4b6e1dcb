import type { Knex } from 'knex';
import { createTable } from '../../schema-helpers';

/**
 * The shared wallet (money for show tickets, campus purchases): integer cents, never floats.
 *
 * wallet_accounts  user_id PK, balance_cents (CHECK >= 0; always the sum of the user's ledger), u_time
 * wallet_ledger    log_id PK, user_id, change_cents (signed, never 0), balance_after_cents, reason,
 *                  ref (NULL for back-office moves; otherwise UNIQUE, e.g. `order:show:42:debit`, so one
 *                  order is debited and refunded at most once), admin_id (0 = the member/system), c_time;
 *                  INDEX (user_id, log_id)
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'wallet_accounts', (t) => {
    t.integer('user_id').unsigned().primary();
    t.bigInteger('balance_cents').notNullable().defaultTo(0);
    t.integer('u_time').unsigned().notNullable().defaultTo(0);
    t.check('balance_cents >= 0', {}, 'wallet_balance_non_negative');
  });
  await createTable(knex, 'wallet_ledger', (t) => {
    t.increments('log_id').primary();
    t.integer('user_id').unsigned().notNullable();
    t.bigInteger('change_cents').notNullable();
    t.bigInteger('balance_after_cents').notNullable();
    t.string('reason', 100).notNullable().defaultTo('');
    t.string('ref', 100).nullable().unique();
    t.integer('admin_id').unsigned().notNullable().defaultTo(0);
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.index(['user_id', 'log_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('wallet_ledger');
  await knex.schema.dropTableIfExists('wallet_accounts');
}
