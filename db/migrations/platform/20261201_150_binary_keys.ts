import type { Knex } from 'knex';
import { collateKeys, type OpaqueKeys } from '../../schema-helpers';

/**
 * Opaque keys compared byte for byte on MySQL too. The tables' default collation (utf8mb4_unicode_ci)
 * folds case and accents, so `DEMO_APP` found `demo_app`'s credential while the rate limit and replay
 * guard keyed on the caller's spelling; a token or hash must likewise match exactly or not at all.
 * SQLite compares bytes already. (Trailing spaces: MySQL's *_bin collations still pad, so code compares
 * the loaded appid exactly as well — app/platform/gateway/appAuth.ts.)
 */
const KEYS: OpaqueKeys[] = [
  {
    table: 'api_auth',
    columns: [(t) => t.string('appid', 32).notNullable(), (t) => t.string('secret', 64).notNullable(), (t) => t.string('prev_secret', 64).nullable()],
  },
  { table: 'users', columns: [(t) => t.string('open_id', 32).notNullable()] },
  { table: 'verify_codes', columns: [(t) => t.string('code_hash', 64).notNullable()] },
  {
    table: 'push_devices',
    columns: [(t) => t.string('device_token', 255).notNullable().defaultTo(''), (t) => t.string('last_device_token', 255).notNullable().defaultTo('')],
  },
  { table: 'files', columns: [(t) => t.string('path', 191).nullable(), (t) => t.string('sha256', 64).notNullable()] },
  { table: 'wallet_ledger', columns: [(t) => t.string('ref', 100).nullable()] },
];

export async function up(knex: Knex): Promise<void> {
  await collateKeys(knex, KEYS, 'utf8mb4_bin');
}

export async function down(knex: Knex): Promise<void> {
  await collateKeys(knex, KEYS, 'utf8mb4_unicode_ci');
}
