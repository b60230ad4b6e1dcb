import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context';
import { unixSeconds } from '../core/clock';
import { isUniqueViolation } from '../storage/db';
import { API_TYPES, appAuthService } from './gateway/appAuth';
import { encodePng } from './verify/captcha/png';

const PRODUCTS_DIR = path.join(__dirname, '..', 'products');

export interface DemoAppid {
  appid: string;
  secret: string;
  api_type: string;
}

/** A small deterministic PRNG for demo modules, so their data (and what it drives) is the same on every start. */
export function demoRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A flat-colour 32×32 placeholder PNG (base64) for demo pictures, a different colour per index. */
export function demoPicture(index: number): string {
  const size = 32;
  const rgb = new Uint8Array(size * size * 3);
  for (let i = 0; i < size * size; i++) rgb.set([(index * 53) % 256, (index * 97 + 80) % 256, (index * 31 + 160) % 256], i * 3);
  return encodePng(size, size, rgb).toString('base64');
}

/** A demo data module of a product (`products/<product>/demo/*.ts`). */
export interface DemoSeed {
  seed(app: AppContext): Promise<void>;
}

const moduleFiles = (dir: string): string[] =>
  fs.readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort().map((f) => path.join(dir, f));

/** Each product with a demo/ folder, in name order, with its modules in name order. */
function productDemos(): Array<{ product: string; files: string[] }> {
  return fs
    .readdirSync(PRODUCTS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(PRODUCTS_DIR, e.name, 'demo')))
    .map((e) => e.name)
    .sort()
    .map((product) => ({ product, files: moduleFiles(path.join(PRODUCTS_DIR, product, 'demo')) }));
}

/** Where the demo appids are written, so `npm run call` can sign with them. */
export function demoAppidFile(app: AppContext): string {
  const base = app.config.db.sqliteFile === ':memory:' ? 'data/yaf.sqlite' : app.config.db.sqliteFile;
  return path.join(path.dirname(path.resolve(base)), 'demo-appids.json');
}

/**
 * Claims a product's demo by writing its marker first: a second process starting at once hits the
 * primary key and leaves the product to the first.
 */
async function claim(app: AppContext, product: string): Promise<boolean> {
  try {
    await app.db('demo_seeds').insert({ product, c_time: unixSeconds(app.clock) });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

function readDemoAppids(file: string): DemoAppid[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Array.isArray(parsed) ? (parsed as DemoAppid[]) : [];
  } catch {
    return []; // none yet, or not ours to trust: rewritten below
  }
}

/** The `demo_<type>` appids that do not exist yet; the file keeps the secrets of every one created. */
async function createDemoAppids(app: AppContext): Promise<DemoAppid[]> {
  const auth = app.use(appAuthService);
  const existing = new Set((await app.db('api_auth').whereIn('appid', API_TYPES.map((t) => `demo_${t}`)).select('appid')).map((r) => r.appid));
  const created: DemoAppid[] = [];
  for (const apiType of API_TYPES) {
    if (existing.has(`demo_${apiType}`)) continue;
    const row = await auth.create({ apiType, name: `demo ${apiType}`, appid: `demo_${apiType}` });
    created.push({ appid: row.appid, secret: row.secret, api_type: row.api_type });
  }
  if (created.length) {
    const target = demoAppidFile(app);
    const kept = readDemoAppids(target).filter((a) => !created.some((c) => c.appid === a.appid));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, JSON.stringify([...kept, ...created], null, 2), { mode: 0o600 });
  }
  return created;
}

/**
 * Demo data, never in production: each product whose marker (table demo_seeds) is absent gets its demo
 * modules run and its marker set, whatever appids exist already; a failed seed removes the marker so the
 * next start tries again. When any product seeds, the `demo_<type>` appids that are missing are created.
 * Answers the appids created.
 */
export async function seedDemoData(app: AppContext): Promise<DemoAppid[]> {
  if (app.config.env === 'production') {
    app.logger.warn('demo data is never written in production');
    return [];
  }
  const seeded = new Set((await app.db('demo_seeds').select('product')).map((r) => r.product));
  let anySeeded = false;
  for (const { product, files } of productDemos()) {
    if (seeded.has(product) || !(await claim(app, product))) continue;
    try {
      for (const file of files) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        await (require(file) as DemoSeed).seed(app);
      }
    } catch (err) {
      await app.db('demo_seeds').where({ product }).del();
      throw err;
    }
    app.logger.info({ product }, 'demo data written');
    anySeeded = true;
  }
  return anySeeded ? createDemoAppids(app) : [];
}
