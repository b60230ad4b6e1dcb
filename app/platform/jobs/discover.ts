import fs from 'node:fs';
import path from 'node:path';
import { isJobDefinition, type JobDefinition } from './job';

const APP_DIR = path.join(__dirname, '..', '..');
const JOB_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

/** Job folders and the first word of the names their jobs must carry: the platform's, then each product's `jobs/`. */
export function jobRoots(appDir: string = APP_DIR): Array<{ owner: string; dir: string }> {
  const roots = [{ owner: 'platform', dir: path.join(appDir, 'platform', 'jobs', 'definitions') }];
  const products = path.join(appDir, 'products');
  if (fs.existsSync(products)) {
    for (const entry of fs.readdirSync(products, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      roots.push({ owner: entry.name, dir: path.join(products, entry.name, 'jobs') });
    }
  }
  return roots.filter((root) => fs.existsSync(root.dir));
}

/**
 * Every job module under the roots, like methods: a module defining no job, a name that does not start
 * with its owner (`show.` under products/show/jobs), a duplicate or a schedule under a second is a start error.
 */
export function discoverJobs(roots = jobRoots()): JobDefinition[] {
  const jobs = new Map<string, JobDefinition>();
  for (const { owner, dir } of roots) {
    const files = fs.readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
    for (const file of files) {
      const where = path.relative(APP_DIR, path.join(dir, file));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const found = Object.values(require(path.join(dir, file)) as Record<string, unknown>).filter(isJobDefinition);
      if (found.length === 0) throw new Error(`${where} defines no job (use defineJob)`);
      for (const job of found) {
        if (!JOB_NAME.test(job.name) || !job.name.startsWith(`${owner}.`)) throw new Error(`${where}: job name "${job.name}" must be "${owner}.<job>" in dotted lower case`);
        if (jobs.has(job.name)) throw new Error(`${where}: duplicate job ${job.name}`);
        if (!Number.isInteger(job.everyMs) || job.everyMs < 1000) throw new Error(`${where}: job ${job.name} everyMs must be a whole number ≥ 1000`);
        if (job.leaseMs !== undefined && (!Number.isInteger(job.leaseMs) || job.leaseMs < 1000)) throw new Error(`${where}: job ${job.name} leaseMs must be ≥ 1000`);
        jobs.set(job.name, job);
      }
    }
  }
  return [...jobs.values()];
}
