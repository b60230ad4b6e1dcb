import { createDb } from '../app/storage/db';
import { migrateLatest, migrateRollbackAll } from '../db/migrator';
import { parseArgs, scriptConfig } from './cli';

/** `npm run migrate` applies every pending migration; `-- --rollback` undoes them all. */
async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const config = scriptConfig();
  const db = createDb(config.db);
  try {
    if (options.rollback) {
      await migrateRollbackAll(db);
      process.stdout.write('rolled back every migration\n');
    } else {
      const applied = await migrateLatest(db);
      process.stdout.write(applied.length ? `applied:\n  ${applied.join('\n  ')}\n` : 'already up to date\n');
    }
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`migrate failed: ${(err as Error).message}\n`);
  process.exit(1);
});
