import type { Knex } from 'knex';
import { auditors, createTable, timestamps } from '../../schema-helpers';

/**
 * The account product (catalog-account.md). `app_id` is the appid that created a row, '' = global.
 *
 * account_members            user_id PK, app_id (the appid the person signed up through), c_time
 * account_push_clients       client_id UNIQUE per app_id; user_id; session_id (the login that bound it,
 *                            removed with that login); client_type android|ios; switch 0/1
 * account_faqs               title, content, category, external_link, sort (ascending, then newest)
 * account_feedback_categories name, description
 * account_feedbacks          user_id, feedback_content, feedback_status 0 new/1 replied/2 closed,
 *                            feedback_category_id (0 = none), contact_phone, deleted_at (0 = live)
 * account_feedback_replies   feedback_id, manager_id, reply_content, is_read
 * account_push_logs          push_title, push_body, push_scope 0 all/1 listed, manager_id,
 *                            push_status 0 pending/1 sent/2 failed, sent_count, failed_count
 * account_push_log_targets   (push_log_id, user_id) for scope 1
 * account_push_log_hidden    (user_id, push_log_id): pushes a user removed from their own history
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'account_members', (t) => {
    t.integer('user_id').unsigned().primary();
    t.string('app_id', 32).notNullable().defaultTo('');
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
  });
  await createTable(knex, 'account_push_clients', (t) => {
    t.increments('id').primary();
    t.string('app_id', 32).notNullable().defaultTo('');
    t.integer('user_id').unsigned().notNullable();
    t.string('session_id', 64).notNullable().defaultTo('');
    t.string('client_id', 64).notNullable();
    t.string('client_type', 10).notNullable();
    t.tinyint('switch').unsigned().notNullable().defaultTo(1);
    timestamps(t);
    t.unique(['app_id', 'client_id']);
    t.index(['user_id']);
    t.index(['session_id']);
  });
  await createTable(knex, 'account_faqs', (t) => {
    t.increments('id').primary();
    t.string('app_id', 32).notNullable().defaultTo('');
    t.string('title', 100).notNullable();
    t.text('content').notNullable();
    t.string('category', 50).notNullable().defaultTo('');
    t.string('external_link', 512).notNullable().defaultTo('');
    t.integer('sort').notNullable().defaultTo(0);
    timestamps(t);
    auditors(t);
    t.index(['app_id', 'sort']);
  });
  await createTable(knex, 'account_feedback_categories', (t) => {
    t.increments('id').primary();
    t.string('app_id', 32).notNullable().defaultTo('');
    t.string('name', 50).notNullable();
    t.string('description', 200).notNullable().defaultTo('');
    timestamps(t);
    auditors(t);
    t.index(['app_id']);
  });
  await createTable(knex, 'account_feedbacks', (t) => {
    t.increments('id').primary();
    t.string('app_id', 32).notNullable().defaultTo('');
    t.integer('user_id').unsigned().notNullable();
    t.text('feedback_content').notNullable();
    t.tinyint('feedback_status').unsigned().notNullable().defaultTo(0);
    t.integer('feedback_category_id').unsigned().notNullable().defaultTo(0);
    t.string('contact_phone', 20).notNullable().defaultTo('');
    t.integer('deleted_at').unsigned().notNullable().defaultTo(0);
    timestamps(t);
    t.index(['user_id', 'deleted_at', 'id']);
    t.index(['feedback_status', 'id']);
  });
  await createTable(knex, 'account_feedback_replies', (t) => {
    t.increments('id').primary();
    t.string('app_id', 32).notNullable().defaultTo('');
    t.integer('feedback_id').unsigned().notNullable();
    t.integer('manager_id').unsigned().notNullable();
    t.text('reply_content').notNullable();
    t.tinyint('is_read').unsigned().notNullable().defaultTo(0);
    timestamps(t);
    t.index(['feedback_id', 'id']);
  });
  await createTable(knex, 'account_push_logs', (t) => {
    t.increments('id').primary();
    t.string('app_id', 32).notNullable().defaultTo('');
    t.string('push_title', 100).notNullable();
    t.string('push_body', 1000).notNullable();
    t.tinyint('push_scope').unsigned().notNullable().defaultTo(0);
    t.integer('manager_id').unsigned().notNullable();
    t.tinyint('push_status').unsigned().notNullable().defaultTo(0);
    t.integer('sent_count').unsigned().notNullable().defaultTo(0);
    t.integer('failed_count').unsigned().notNullable().defaultTo(0);
    timestamps(t);
    t.index(['push_status', 'app_id', 'id']);
  });
  await createTable(knex, 'account_push_log_targets', (t) => {
    t.integer('push_log_id').unsigned().notNullable();
    t.integer('user_id').unsigned().notNullable();
    t.primary(['push_log_id', 'user_id']);
    t.index(['user_id', 'push_log_id']);
  });
  await createTable(knex, 'account_push_log_hidden', (t) => {
    t.integer('user_id').unsigned().notNullable();
    t.integer('push_log_id').unsigned().notNullable();
    t.primary(['user_id', 'push_log_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'account_push_log_hidden',
    'account_push_log_targets',
    'account_push_logs',
    'account_feedback_replies',
    'account_feedbacks',
    'account_feedback_categories',
    'account_faqs',
    'account_push_clients',
    'account_members',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
