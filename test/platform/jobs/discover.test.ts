import { scratchDir } from '../../helpers/scratch';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { discoverJobs, jobRoots } from '../../../app/platform/jobs/discover';

const ROOT = path.join(__dirname, '..', '..', '..');
const JOB_MODULE = path.join(ROOT, 'app', 'platform', 'jobs', 'job.ts');

/** A product tree with one job file in `products/<product>/jobs/`. */
function productWithJob(product: string, body: string): string {
  const appDir = scratchDir('yaf-jobs');
  const dir = path.join(appDir, 'products', product, 'jobs');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'x.ts'), `const { defineJob } = require(${JSON.stringify(JOB_MODULE)});\n${body}\n`);
  return appDir;
}

function jobCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/job.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('platform jobs: discovery and npm run job', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-jobcli-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('finds the platform jobs, and a product job from its own jobs/ folder', () => {
    expect(discoverJobs().map((j) => j.name)).to.include('platform.files.expire');
    const appDir = productWithJob('show', "exports.orders = defineJob({ name: 'show.orders.expire', summary: 's', everyMs: 60000, run: async () => ({ cancelled: 0 }) });");
    const roots = jobRoots(appDir);
    expect(roots.map((r) => r.owner)).to.deep.equal(['show']);
    expect(discoverJobs(roots).map((j) => j.name)).to.deep.equal(['show.orders.expire']);
  });

  it('refuses a job named for another owner, a module without a job and a schedule under a second', () => {
    const cases: Array<[string, RegExp]> = [
      ["exports.j = defineJob({ name: 'campus.x', summary: 's', everyMs: 60000, run: async () => ({}) });", /job name "campus.x" must be "show.<job>"/],
      ['exports.nothing = 1;', /defines no job/],
      ["exports.j = defineJob({ name: 'show.fast', summary: 's', everyMs: 10, run: async () => ({}) });", /everyMs must be a whole number ≥ 1000/],
    ];
    for (const [body, pattern] of cases) expect(() => discoverJobs(jobRoots(productWithJob('show', body)))).to.throw(pattern);
  });

  it('`npm run job -- --list` lists every job with its period', () => {
    const result = jobCli(['--list']);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/^platform\.files\.expire\s+every 5min\s+marks reserved file ids/m);
  });

  it('`npm run job -- <name>` runs it once and prints {name, duration_ms, counts}; an unknown name fails', () => {
    const env = { SQLITE_FILE: path.join(scratch, 'jobs.sqlite'), UPLOAD_DIR: path.join(scratch, 'uploads') };
    const result = jobCli(['platform.files.expire'], env);
    expect(result.status, result.stderr).to.equal(0);
    const run = JSON.parse(result.stdout.trim());
    expect(run).to.have.all.keys('name', 'duration_ms', 'counts');
    expect(run).to.include({ name: 'platform.files.expire' }).and.have.deep.property('counts', { expired: 0 });

    const unknown = jobCli(['show.nothing'], env);
    expect(unknown.status).to.equal(1);
    expect(unknown.stderr.trim()).to.equal('job show.nothing: unknown job "show.nothing"');
    expect(jobCli([], env).stderr).to.match(/^usage: npm run job/);
  });
});
