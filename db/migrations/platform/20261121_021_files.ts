import type { Knex } from 'knex';
import { createTable, timestamps } from '../../schema-helpers';

/**
 * Uploaded files. `path` is relative to the uploads directory (`images/<YYYYMMDD>/<random>.<ext>`) and is
 * what `GET /files/<path>` looks up: only recorded, live rows are ever served, with the sniffed `mime`.
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'files', (t) => {
    t.increments('file_id').primary();
    t.tinyint('owner_type').notNullable(); // 1 admin, 2 user
    t.integer('owner_id').unsigned().notNullable();
    t.string('path', 191).notNullable().unique();
    t.string('mime', 50).notNullable();
    t.integer('size').unsigned().notNullable();
    t.string('sha256', 64).notNullable();
    t.tinyint('status').notNullable().defaultTo(1); // 1 live, 2 deleted
    timestamps(t);
    t.index(['owner_type', 'owner_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('files');
}
