import type { Knex } from 'knex';

const isMysql = (knex: Knex) => knex.client.config.client === 'mysql2';

/**
 * One account across the products: phones with an area code, e-mail accounts, a public username, a
 * staff role and the profile fields the catalogues share. Lookup keys are normalised in code
 * (`app/platform/identity/users.ts`: e-mail and username lower-case, '' stored as NULL) and compared
 * byte for byte on MySQL too (`utf8mb4_bin`), so uniqueness means the same on both engines; NULLs never
 * collide in a unique index on either engine, which lets e-mail-only accounts have no phone.
 */
export async function up(knex: Knex): Promise<void> {
  const binary = (column: Knex.ColumnBuilder) => (isMysql(knex) ? column.collate('utf8mb4_bin') : column);
  await knex.schema.alterTable('users', (t) => {
    t.dropUnique(['mobile']);
  });
  await knex.schema.alterTable('users', (t) => {
    // 11 digits for area 86, 5–15 elsewhere; NULL for an e-mail-only account.
    binary(t.string('mobile', 15).nullable()).alter();
    binary(t.string('headimg', 512).notNullable().defaultTo('')).alter();
  });
  await knex.schema.alterTable('users', (t) => {
    binary(t.string('area_code', 4).notNullable().defaultTo('86'));
    binary(t.string('email', 100).nullable());
    binary(t.string('username', 100).nullable());
    t.tinyint('role').notNullable().defaultTo(0); // 0 user, 1 staff
    t.tinyint('gender').notNullable().defaultTo(2); // 0 female, 1 male, 2 secret
    t.string('birthday', 10).nullable(); // YYYY-MM-DD
    t.string('province', 20).notNullable().defaultTo('');
    t.string('city', 20).notNullable().defaultTo('');
    t.string('address', 200).notNullable().defaultTo('');
    t.unique(['area_code', 'mobile']);
    t.unique(['email']);
    t.unique(['username']);
  });
}

export async function down(knex: Knex): Promise<void> {
  // The old schema holds only mainland phone accounts: the others cannot survive going back.
  await knex('users').whereNull('mobile').orWhereNot('area_code', '86').delete();
  await knex.schema.alterTable('users', (t) => {
    t.dropUnique(['username']);
    t.dropUnique(['email']);
    t.dropUnique(['area_code', 'mobile']);
  });
  await knex.schema.alterTable('users', (t) => {
    t.dropColumns('area_code', 'email', 'username', 'role', 'gender', 'birthday', 'province', 'city', 'address');
  });
  await knex.schema.alterTable('users', (t) => {
    t.string('mobile', 11).notNullable().alter();
    t.string('headimg', 255).notNullable().defaultTo('').alter();
    t.unique(['mobile']);
  });
}
