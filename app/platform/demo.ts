import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context';
import { API_TYPES, appAuthService } from './gateway/appAuth';

const PRODUCTS_DIR = path.join(__dirname, '..', 'products');

export interface DemoAppid {
  appid: string;
  secret: string;
  api_type: string;
}

/** A demo data module in db/seeds: runs once, on the first start of an empty embedded database. */
export interface DemoSeed {
  seed(app: AppContext): Promise<void>;
}

/** Every products/<product>/demo/*.ts module, products in name order, files in name order. */
function demoSeedFiles(): string[] {
  return fs
    .readdirSync(PRODUCTS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(PRODUCTS_DIR, e.name, 'demo'))
    .filter((dir) => fs.existsSync(dir))
    .sort()
    .flatMap((dir) => fs.readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort().map((f) => path.join(dir, f)));
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
  for (const file of demoSeedFiles()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as DemoSeed;
    await mod.seed(app);
  }
  const target = demoAppidFile(app);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(created, null, 2), { mode: 0o600 });
  return created;
}
