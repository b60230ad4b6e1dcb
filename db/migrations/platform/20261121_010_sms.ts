import type { Knex } from 'knex';
import { createTable, timestamps } from '../../schema-helpers';

/** SMS templates, the one-time codes sent with them, the send log and the blacklist. */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'sms_templates', (t) => {
    t.increments('id').primary();
    t.string('send_key', 64).notNullable().unique();
    t.string('title', 64).notNullable().defaultTo('');
    // Placeholders: %CODE% for code templates, %NAME% (any upper-case name) filled from `replace`.
    t.string('body', 500).notNullable();
    t.tinyint('trigger_type').notNullable().defaultTo(1); // 1 code, 2 system notice
    // Comma list of the api types allowed to send it: each namespace sends only its own keys.
    t.string('namespaces', 255).notNullable().defaultTo('');
    t.string('provider_template_id', 64).notNullable().defaultTo(''); // Tencent TemplateId
    t.tinyint('status').notNullable().defaultTo(1); // 1 live, 0 off
    timestamps(t);
  });
  await createTable(knex, 'verify_codes', (t) => {
    t.increments('id').primary();
    t.string('mobile', 11).notNullable();
    t.string('send_key', 64).notNullable();
    // HMAC of the code bound to mobile and key: a leaked row does not give the code away.
    t.string('code_hash', 64).notNullable();
    t.integer('expires_at').unsigned().notNullable();
    t.tinyint('attempts').unsigned().notNullable().defaultTo(0);
    t.integer('used_at').unsigned().notNullable().defaultTo(0);
    t.tinyint('voided').notNullable().defaultTo(0); // 1 = too many wrong tries, or superseded by a newer code
    t.string('ip', 45).notNullable().defaultTo('');
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.index(['mobile', 'send_key']);
  });
  await createTable(knex, 'sms_send_log', (t) => {
    t.increments('id').primary();
    t.string('mobile', 11).notNullable();
    t.string('send_key', 64).notNullable();
    t.string('text', 500).notNullable().defaultTo(''); // the code masked
    t.tinyint('status').notNullable().defaultTo(1); // 1 queued, 2 sent, 3 failed
    t.string('error', 255).notNullable().defaultTo('');
    t.string('ip', 45).notNullable().defaultTo('');
    t.tinyint('platform').notNullable().defaultTo(0);
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.index(['mobile', 'c_time']);
    t.index(['ip', 'c_time']);
  });
  await createTable(knex, 'sms_blacklist', (t) => {
    t.increments('id').primary();
    t.string('mobile', 11).notNullable().unique();
    t.tinyint('status').notNullable().defaultTo(1); // 1 blocked, 0 lifted
    timestamps(t);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('sms_blacklist');
  await knex.schema.dropTableIfExists('sms_send_log');
  await knex.schema.dropTableIfExists('verify_codes');
  await knex.schema.dropTableIfExists('sms_templates');
}
