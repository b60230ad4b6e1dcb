import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';

const APP = path.join(__dirname, '..', 'app');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every relative import of a file inside app/, as a path relative to app/ ("platform/sessions/sessions"); config/ and db/ are outside. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specs
    .map((spec) => path.relative(APP, path.resolve(path.dirname(file), spec)).split(path.sep).join('/'))
    .filter((rel) => !rel.startsWith('..'));
}

const layer = (rel: string) => rel.split('/')[0];
const productOf = (rel: string) => (rel.startsWith('products/') ? rel.split('/')[1] : undefined);

describe('architecture: imports run one way', () => {
  const files = sources(APP).map((file) => ({ file, rel: path.relative(APP, file).split(path.sep).join('/') }));

  it('core and storage import nothing above them', () => {
    const bad = files
      .filter(({ rel }) => ['core', 'storage'].includes(layer(rel)))
      .flatMap(({ file, rel }) => importsOf(file).filter((target) => !['core', 'storage'].includes(layer(target))).map((t) => `${rel} → ${t}`));
    expect(bad).to.deep.equal([]);
  });

  it('platform services know nothing of the protocol, the registry, the transport or any product', () => {
    const bad = files
      .filter(({ rel }) => layer(rel) === 'platform' && !rel.startsWith('platform/methods/'))
      .flatMap(({ file, rel }) =>
        importsOf(file)
          .filter((target) => ['protocol', 'registry', 'transport', 'products'].includes(layer(target)))
          .map((t) => `${rel} → ${t}`),
      );
    expect(bad).to.deep.equal([]);
  });

  it('a product never imports another product, and its services never import the protocol or the registry', () => {
    const bad = files
      .filter(({ rel }) => productOf(rel))
      .flatMap(({ file, rel }) =>
        importsOf(file)
          .filter((target) => {
            const other = productOf(target);
            if (other && other !== productOf(rel)) return true;
            const isService = rel.split('/')[2] === 'services';
            return isService && ['protocol', 'registry', 'transport'].includes(layer(target));
          })
          .map((t) => `${rel} → ${t}`),
      );
    expect(bad).to.deep.equal([]);
  });

  it('the transport, the protocol and the registry never import a product', () => {
    const bad = files
      .filter(({ rel }) => ['transport', 'protocol', 'registry'].includes(layer(rel)))
      .flatMap(({ file, rel }) => importsOf(file).filter((target) => layer(target) === 'products').map((t) => `${rel} → ${t}`));
    expect(bad).to.deep.equal([]);
  });

  it('every transaction goes through storage/db transaction(), which retries deadlocks and lock-wait timeouts', () => {
    const bad = files
      .filter(({ rel }) => rel !== 'storage/db.ts')
      .filter(({ file }) => /\.transaction\(/.test(fs.readFileSync(file, 'utf8')))
      .map(({ rel }) => `${rel}: use transaction(db, work) from app/storage/db.ts instead of db.transaction(work)`);
    expect(bad).to.deep.equal([]);
  });
});

describe('architecture: one owner per shared table', () => {
  // A quoted table name, alone or aliased ('users as u') or qualifying a column ('users.id').
  const usersTable = /(['"`])users(\s+as\s+\w+)?\1|['"`]users\.\w/;

  it('only app/platform/identity/users.ts touches the users table', () => {
    const offenders = sources(APP)
      .map((file) => path.relative(APP, file).split(path.sep).join('/'))
      .filter((rel) => rel !== 'platform/identity/users.ts')
      .filter((rel) => usersTable.test(fs.readFileSync(path.join(APP, rel), 'utf8')));
    expect(offenders).to.deep.equal([]);
  });

  it('the pattern sees the ways a query names the table', () => {
    for (const text of [`db('users')`, `trx("users")`, `leftJoin('users as u', 'u.id', 'o.user_id')`, `select('users.id')`]) {
      expect(usersTable.test(text), text).to.equal(true);
    }
    for (const text of [`db('user_addresses')`, `'users_count'`, `// users of the app`]) expect(usersTable.test(text), text).to.equal(false);
  });
});
