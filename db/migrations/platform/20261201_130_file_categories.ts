import type { Knex } from 'knex';

/**
 * Files for every product: each row has a `category` (what it illustrates: avatar, article, shop…), an
 * optional `name` unique within its category (campus `pic.get` finds pictures by name), and may be a
 * reservation (status 0): a row handed out as an id before its bytes exist (show `get.media.id`), so it
 * has no path, type or size until an upload fills it. Rows written before this were `system.upload`s:
 * category `general`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('files', (t) => {
    t.string('path', 191).nullable().alter();
    t.string('category', 20).notNullable().defaultTo('general');
    t.string('name', 64).nullable();
    t.unique(['category', 'name']);
    t.index(['status', 'c_time']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex('files').whereNull('path').delete();
  await knex.schema.alterTable('files', (t) => {
    t.dropIndex(['status', 'c_time']);
    t.dropUnique(['category', 'name']);
    t.dropColumn('name');
    t.dropColumn('category');
  });
  await knex.schema.alterTable('files', (t) => {
    t.string('path', 191).notNullable().alter();
  });
}
