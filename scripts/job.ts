import { createAppContext } from '../app/bootstrap';
import { discoverJobs } from '../app/platform/jobs/discover';
import { jobRunner } from '../app/platform/jobs/runner';
import { fail, parseArgs, scriptConfig } from './cli';

const USAGE = 'usage: npm run job -- <name>   (runs it now, as admin job.run does)\n       npm run job -- --list';

function every(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}min`;
  return `${ms / 1000}s`;
}

/** `npm run job -- <name>` / `--list`: the jobs the server schedules, run by hand under the same lease. */
async function main(): Promise<void> {
  const { options, words } = parseArgs(process.argv.slice(2));
  if (options.list) {
    const jobs = discoverJobs().sort((a, b) => a.name.localeCompare(b.name));
    const width = Math.max(0, ...jobs.map((j) => j.name.length));
    for (const job of jobs) process.stdout.write(`${job.name.padEnd(width)}  every ${every(job.everyMs).padEnd(6)} ${job.summary}\n`);
    return;
  }
  const [name] = words;
  if (!name || words.length > 1) fail(USAGE);
  const app = await createAppContext(scriptConfig());
  try {
    const run = await app.use(jobRunner).run(name);
    process.stdout.write(`${JSON.stringify(run)}\n`);
  } catch (err) {
    fail(`job ${name}: ${(err as Error).message}`);
  } finally {
    await app.close();
  }
}

main().catch((err) => fail(String((err as Error).stack ?? err)));
