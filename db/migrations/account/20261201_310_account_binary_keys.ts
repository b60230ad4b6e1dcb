import type { Knex } from 'knex';
import { collateKeys, type OpaqueKeys } from '../../schema-helpers';

/**
 * The account product's appid columns and push client ids, byte for byte on MySQL as the platform's keys
 * are (migration 150): a row filed under `demo_app` is never read back under `DEMO_APP`.
 */
const appIdColumn = (t: Knex.AlterTableBuilder) => t.string('app_id', 32).notNullable().defaultTo('');
const KEYS: OpaqueKeys[] = [
  { table: 'account_members', columns: [appIdColumn] },
  { table: 'account_push_clients', columns: [appIdColumn, (t) => t.string('client_id', 64).notNullable(), (t) => t.string('session_id', 64).notNullable().defaultTo('')] },
  ...['account_faqs', 'account_feedback_categories', 'account_feedbacks', 'account_feedback_replies', 'account_push_logs'].map((table) => ({ table, columns: [appIdColumn] })),
];

export async function up(knex: Knex): Promise<void> {
  await collateKeys(knex, KEYS, 'utf8mb4_bin');
}

export async function down(knex: Knex): Promise<void> {
  await collateKeys(knex, KEYS, 'utf8mb4_unicode_ci');
}
