import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { transaction, type Knex } from '../../storage/db';

/**
 * Installs a large reference data set at most once per version: a start where the recorded version
 * matches costs one query. Otherwise the first process to move the marker to `version` holds its row lock
 * while `install` runs inside the same transaction; a second process starting at once waits on that
 * lock, then finds the version already set and does nothing. A failed install rolls the marker back too.
 */
export async function installVersioned(
  app: AppContext,
  name: string,
  version: string,
  install: (trx: Knex.Transaction) => Promise<void>,
): Promise<boolean> {
  const current = await app.db('reference_versions').where({ name }).first('version');
  if (current?.version === version) return false;
  if (!current) await app.db('reference_versions').insert({ name, version: '', u_time: 0 }).onConflict('name').ignore();
  return transaction(app.db, async (trx) => {
    const claimed = await trx('reference_versions')
      .where({ name })
      .whereNot({ version })
      .update({ version, u_time: unixSeconds(app.clock) });
    if (!claimed) return false;
    await install(trx);
    return true;
  });
}
