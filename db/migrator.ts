import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/** Every migration file below `dir` (one folder per product and one for the platform), by basename. */
function migrationFiles(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const [name, file] of migrationFiles(full)) found.set(name, file);
    } else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      const name = entry.name.replace(/\.(ts|js)$/, '');
      if (found.has(name)) throw new Error(`migration ${name} exists twice`);
      found.set(name, full);
    }
  }
  return found;
}

/**
 * Migrations live in db/migrations/<platform|product>/, applied in basename order across folders; each
 * exports `up` and `down`. Knex records the basename only, so a file moved between folders keeps
 * working on a database that already ran it. Loading them ourselves (instead of Knex's directory scan)
 * works the same under tsx and compiled JS.
 */
class DirectoryMigrationSource implements Knex.MigrationSource<string> {
  private files?: Map<string, string>;

  private all(): Map<string, string> {
    return (this.files ??= migrationFiles(MIGRATIONS_DIR));
  }
  async getMigrations(): Promise<string[]> {
    return [...this.all().keys()].sort();
  }
  getMigrationName(name: string): string {
    return name;
  }
  async getMigration(name: string): Promise<Knex.Migration> {
    const file = this.all().get(name);
    if (!file) throw new Error(`migration ${name} not found`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as Knex.Migration;
  }
}

export const migrationConfig: Knex.MigratorConfig = {
  migrationSource: new DirectoryMigrationSource(),
  tableName: 'knex_migrations',
};

export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest(migrationConfig)) as [number, string[]];
  return applied;
}

export async function migrateRollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback(migrationConfig, true);
}
