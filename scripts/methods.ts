import { discoverMethods } from '../app/registry/registry';
import { parseArgs } from './cli';

/**
 * `npm run methods [-- --namespace app] [--json]`: every method the server answers, from the registry
 * itself, so the list cannot drift from the code.
 */
function main(): void {
  const { options } = parseArgs(process.argv.slice(2));
  const only = typeof options.namespace === 'string' ? options.namespace : undefined;
  const rows = discoverMethods()
    .entries()
    .filter((e) => !only || e.namespace === only)
    .map((e) => ({
      namespace: e.namespace,
      method: e.name,
      since: e.since,
      user: e.definition.user,
      writes: e.definition.writes,
      summary: e.definition.summary,
    }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.method.localeCompare(b.method) || a.since.localeCompare(b.since));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const width = Math.max(...rows.map((r) => r.method.length));
  for (const r of rows) {
    process.stdout.write(`${r.namespace.padEnd(9)} ${r.method.padEnd(width)} ${r.since}  user=${r.user.padEnd(8)} ${r.writes ? 'write' : 'read '}  ${r.summary}\n`);
  }
  process.stdout.write(`${rows.length} methods\n`);
}

main();
