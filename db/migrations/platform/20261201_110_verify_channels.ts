import type { Knex } from 'knex';
import { auditors, createTable } from '../../schema-helpers';

/**
 * Codes by SMS and e-mail. Templates carry their channel and code rules; a code row's `mobile` is its
 * recipient address: a mainland number as before, `+<area><number>` for other areas, or an e-mail
 * address. SQLite does not enforce VARCHAR lengths, so only MySQL needs the columns widened.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sms_templates', (t) => {
    // sms, email; not `channel`, which is a fixed protocol parameter (the Android channel) in every call.
    t.string('send_channel', 8).notNullable().defaultTo('sms');
    t.integer('ttl_sec').unsigned().notNullable().defaultTo(0); // 0 = SMS_CODE_TTL_SEC
    t.tinyint('code_length').unsigned().notNullable().defaultTo(6);
    // code: the client sends the code; md5_rand: or MD5(code + rand), rand handed out when sending (campus).
    t.string('proof', 16).notNullable().defaultTo('code');
    auditors(t);
  });
  await knex.schema.alterTable('verify_codes', (t) => {
    t.string('channel', 8).notNullable().defaultTo('sms');
    t.string('rand', 16).notNullable().defaultTo(''); // md5_rand templates only
  });
  await knex.schema.alterTable('sms_send_log', (t) => {
    t.string('channel', 8).notNullable().defaultTo('sms');
  });
  if (knex.client.config.client === 'mysql2') {
    for (const table of ['verify_codes', 'sms_send_log', 'sms_blacklist']) {
      await knex.schema.alterTable(table, (t) => {
        t.string('mobile', 100).notNullable().alter();
      });
    }
  }
  // Which (template, namespace) pairs the reference data has granted once: a grant an operator later
  // takes back is not given again on the next start.
  await createTable(knex, 'verify_template_grants', (t) => {
    t.increments('id').primary();
    t.string('send_key', 64).notNullable();
    t.string('namespace', 16).notNullable();
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.unique(['send_key', 'namespace']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('verify_template_grants');
  await knex.schema.alterTable('sms_send_log', (t) => t.dropColumn('channel'));
  await knex.schema.alterTable('verify_codes', (t) => {
    t.dropColumn('rand');
    t.dropColumn('channel');
  });
  await knex.schema.alterTable('sms_templates', (t) => {
    for (const column of ['u_by', 'c_by', 'proof', 'code_length', 'ttl_sec', 'send_channel']) t.dropColumn(column);
  });
}
