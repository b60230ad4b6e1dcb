import fs from 'node:fs';
import path from 'node:path';
import type { ApiType } from '../platform/gateway/appAuth';
import { isMethodDefinition, type MethodDefinition } from './method';
import { isVersion, versionRank } from './version';

/** No method may ask the transport to buffer more than this for one call. */
const MAX_BODY_LIMIT = 16 * 1024 * 1024;

interface Implementation {
  rank: number;
  definition: MethodDefinition;
}

/**
 * Method name → implementations, per namespace, built once at start. Lookups are exact keys in a
 * null-prototype map: request text never becomes a path or a property of anything else.
 */
export class MethodRegistry {
  private readonly byKey: Record<string, Implementation[]> = Object.create(null);
  private largestBodyLimit = 0;

  register(definition: MethodDefinition): void {
    if (!isVersion(definition.since)) throw new Error(`method ${definition.name}: since "${definition.since}" is not X.Y.Z`);
    if (!/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/.test(definition.name)) throw new Error(`method name "${definition.name}" is not dotted lower case`);
    const { bodyLimitBytes } = definition;
    if (bodyLimitBytes !== undefined && (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1024 || bodyLimitBytes > MAX_BODY_LIMIT)) {
      throw new Error(`method ${definition.name}: bodyLimitBytes must be a whole number from 1024 to ${MAX_BODY_LIMIT}`);
    }
    this.largestBodyLimit = Math.max(this.largestBodyLimit, bodyLimitBytes ?? 0);
    for (const namespace of definition.namespaces) {
      for (const name of [definition.name, ...(definition.aliases ?? [])]) {
        const key = `${namespace}:${name}`;
        const list = (this.byKey[key] ??= []);
        const rank = versionRank(definition.since);
        if (list.some((impl) => impl.rank === rank)) {
          throw new Error(`duplicate method: ${name} in namespace ${namespace} at version ${definition.since}`);
        }
        list.push({ rank, definition });
        list.sort((a, b) => b.rank - a.rank);
      }
    }
  }

  /** The largest body any method declares (0 when none does): what the transport may read before knowing the method. */
  largestBodyLimitBytes(): number {
    return this.largestBodyLimit;
  }

  /** The highest implementation at or below `version`, or undefined (→ 509). */
  resolve(namespace: ApiType, name: string, version: string): MethodDefinition | undefined {
    const list = this.byKey[`${namespace}:${name}`];
    if (!list) return undefined;
    const rank = versionRank(version);
    return list.find((impl) => impl.rank <= rank)?.definition;
  }

  /** Every registered (namespace, name, since) triple, for docs and tests. */
  entries(): Array<{ namespace: string; name: string; since: string; definition: MethodDefinition }> {
    return Object.entries(this.byKey).flatMap(([key, list]) => {
      const [namespace, name] = key.split(':');
      return list.map((impl) => ({ namespace, name, since: impl.definition.since, definition: impl.definition }));
    });
  }
}

const APP_DIR = path.join(__dirname, '..');

/**
 * Where method modules live: `products/<product>/methods/<namespace>/…` for each product, and
 * `platform/methods/<namespace>/…` for the platform's own back-office methods. The folder right below
 * `methods/` is the namespace the modules in it serve.
 */
export function methodRoots(appDir: string = APP_DIR): string[] {
  const products = path.join(appDir, 'products');
  const roots = fs.existsSync(products)
    ? fs.readdirSync(products, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(products, e.name, 'methods'))
    : [];
  roots.push(path.join(appDir, 'platform', 'methods'));
  return roots.filter((dir) => fs.existsSync(dir)).sort();
}

function methodFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return methodFiles(full);
      return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
    })
    .sort();
}

/**
 * Every method module under the given roots, registered. A module must serve exactly the namespace of
 * its folder (`methods/<namespace>/…`), so the tree says who can call what; a duplicate, a module
 * defining no method or one declaring another namespace is a start error.
 */
export function discoverMethods(roots: string[] = methodRoots()): MethodRegistry {
  const registry = new MethodRegistry();
  for (const root of roots) {
    for (const namespaceDir of fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const namespace = namespaceDir.name;
      for (const file of methodFiles(path.join(root, namespace))) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exported = require(file) as Record<string, unknown>;
        const definitions = Object.values(exported).filter(isMethodDefinition);
        const where = path.relative(APP_DIR, file);
        if (definitions.length === 0) throw new Error(`${where} defines no method (use defineMethod)`);
        for (const definition of definitions) {
          if (definition.namespaces.length !== 1 || definition.namespaces[0] !== namespace) {
            throw new Error(`${where}: method ${definition.name} declares namespaces [${definition.namespaces.join(', ')}] but lives in the ${namespace} folder`);
          }
          registry.register(definition);
        }
      }
    }
  }
  return registry;
}
