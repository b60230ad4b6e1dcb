import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context';
import { API_TYPES, appAuthService } from '../services/appAuth';

const SEEDS_DIR = path.join(__dirname, '..', '..', 'db', 'seeds');

export interface DemoAppid {
  appid: string;
  secret: string;
  api_type: string;
}

/** A demo data module in db/seeds: runs once, on the first start of an empty embedded database. */
export interface DemoSeed {
  seed(app: AppContext): Promise<void>;
}

/** Where the demo appids are written, so `npm run call` can sign with them. */
export function demoAppidFile(app: AppContext): string {
  const base = app.config.db.sqliteFile === ':memory:' ? 'data/yaf.sqlite' : app.config.db.sqliteFile;
  return path.join(path.dirname(path.resolve(base)), 'demo-appids.json');
}

/**
 * First start of an empty database: one demo appid per api type, then every db/seeds module in name
 * order. Answers the appids created (empty when the database already had appids).
 */
export async function seedDemoData(app: AppContext): Promise<DemoAppid[]> {
  const existing = await app.db('api_auth').count<{ n: number }[]>({ n: '*' });
  if (Number(existing[0].n) > 0) return [];
  const auth = app.use(appAuthService);
  const created: DemoAppid[] = [];
  for (const apiType of API_TYPES) {
    const row = await auth.create({ apiType, name: `demo ${apiType}`, appid: `demo_${apiType}` });
    created.push({ appid: row.appid, secret: row.secret, api_type: row.api_type });
  }
  const files = fs.existsSync(SEEDS_DIR)
    ? fs.readdirSync(SEEDS_DIR).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort()
    : [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(SEEDS_DIR, file)) as DemoSeed;
    await mod.seed(app);
  }
  const target = demoAppidFile(app);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(created, null, 2), { mode: 0o600 });
  return created;
}
