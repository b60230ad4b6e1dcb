import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../context';

/**
 * Reference data is what every deployment needs to work at all (SMS and e-mail templates, the district
 * tree, config keys with empty defaults), as opposed to demo data. Each `reference/*.ts` module of the
 * platform (`app/platform/reference/data/`) and of every product (`app/products/<product>/reference/`)
 * exports `install(app)`; all of them run on every start, in every environment, after the migrations,
 * and must be idempotent: they add what is missing and never overwrite what an operator changed.
 */
export interface ReferenceModule {
  install(app: AppContext): Promise<void>;
}

const APP_DIR = path.join(__dirname, '..', '..');

function moduleFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The platform's reference modules first, then each product's, products in name order. */
export function referenceModuleFiles(appDir: string = APP_DIR): string[] {
  const products = path.join(appDir, 'products');
  const productDirs = fs.existsSync(products)
    ? fs.readdirSync(products, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : [];
  return [
    ...moduleFiles(path.join(appDir, 'platform', 'reference', 'data')),
    ...productDirs.flatMap((name) => moduleFiles(path.join(products, name, 'reference'))),
  ];
}

export async function installReferenceData(app: AppContext): Promise<void> {
  for (const file of referenceModuleFiles()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Partial<ReferenceModule>;
    if (typeof mod.install !== 'function') throw new Error(`${path.relative(APP_DIR, file)} exports no install(app)`);
    await mod.install(app);
  }
}
