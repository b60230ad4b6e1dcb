import crypto from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../../context';
import { refuse } from '../../core/errors';
import { discoverJobs } from './discover';
import type { JobCounts, JobDefinition } from './job';

/** What `job.run`, `npm run job` and the log line report of one run. */
export interface JobRun {
  name: string;
  duration_ms: number;
  counts: JobCounts;
}

const DEFAULT_LEASE_MS = 60_000;
const leaseKey = (name: string) => `job:lease:${name}`;
const slotKey = (name: string, slot: number) => `job:slot:${name}:${slot}`;

/**
 * Runs the jobs, on a schedule and on demand, exactly once across every worker and host:
 * - a run holds a lease in the KV store (set-if-absent with a TTL, extended while it runs, released by
 *   compare-and-delete), so two processes never run one job at once, and a dead runner's lease lapses;
 * - a scheduled run first claims its slot (`floor(now / everyMs)`) in the KV store, so each period runs
 *   once however many schedulers tick in it.
 * Time comes from `app.clock`: tests move it and call `tick()`; the timer only decides when to look.
 */
export class JobRunner {
  private readonly byName = new Map<string, JobDefinition>();
  /** The last slot this process looked at, per job: a slot is claimed once per process, not once per tick. */
  private readonly seenSlot = new Map<string, number>();
  /** Who holds a lease: this process and a random part, so a restart never mistakes an old lease for its own. */
  private readonly holder = `${os.hostname()}:${process.pid}:${crypto.randomBytes(6).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<JobRun[]> | undefined;
  private stopped = false;

  constructor(
    private readonly app: AppContext,
    jobs: readonly JobDefinition[],
  ) {
    for (const job of jobs) this.byName.set(job.name, job);
  }

  list(): JobDefinition[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Runs one job now (admin `job.run`, `npm run job`): 503 for an unknown name or while it runs elsewhere. */
  async run(name: string): Promise<JobRun> {
    const job = this.byName.get(name);
    if (!job) throw refuse(`unknown job "${name.slice(0, 100)}"`);
    const run = await this.runLeased(job, 'demand');
    if (!run) throw refuse(`job ${name} is running elsewhere: try again when it is done`);
    return run;
  }

  /**
   * Runs every job whose slot has come and that no other process claimed first; answers the runs this
   * process made. Ticks of one process never overlap: a tick during a tick waits for that one.
   */
  tick(): Promise<JobRun[]> {
    this.ticking ??= this.runDue().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  /** Looks for due jobs every `jobs.tickMs`, without keeping the process alive; stops when the app closes. */
  start(): void {
    if (this.timer || this.stopped || this.byName.size === 0) return;
    this.timer = setInterval(() => {
      if (!this.ticking) void this.tick();
    }, this.app.config.jobs.tickMs);
    this.timer.unref();
    this.app.onClose(() => this.stop());
  }

  isScheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Stops the timer and waits for a tick in progress, so no job touches a closed database. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  private async runDue(): Promise<JobRun[]> {
    const runs: JobRun[] = [];
    for (const job of this.list()) {
      if (this.stopped) break;
      const slot = Math.floor(this.app.clock.now() / job.everyMs);
      if (this.seenSlot.get(job.name) === slot) continue;
      this.seenSlot.set(job.name, slot);
      let claimed: boolean;
      try {
        claimed = await this.app.kv.set(slotKey(job.name, slot), this.holder, { ttlMs: job.everyMs, onlyIfAbsent: true });
      } catch (err) {
        // The KV store is away: nobody can know whether another process ran it, so this slot is skipped.
        this.app.logger.warn({ job: job.name, err }, 'job slot not claimed');
        continue;
      }
      if (!claimed) continue;
      const run = await this.runLeased(job, 'schedule').catch(() => null); // a failure is logged by runLeased
      if (run) runs.push(run);
    }
    return runs;
  }

  /** One run under the job's lease, or null when another process holds it. Logs one line either way it ends. */
  private async runLeased(job: JobDefinition, trigger: 'schedule' | 'demand'): Promise<JobRun | null> {
    const leaseMs = job.leaseMs ?? DEFAULT_LEASE_MS;
    const key = leaseKey(job.name);
    if (!(await this.app.kv.set(key, this.holder, { ttlMs: leaseMs, onlyIfAbsent: true }))) return null;
    // Extended well before it lapses while the run lasts; real time, because a lease lives in real time.
    const keepAlive = setInterval(() => {
      this.app.kv.expireIfValue(key, this.holder, leaseMs).then(
        (held) => held || this.app.logger.warn({ job: job.name }, 'job lease lost while running'),
        () => undefined,
      );
    }, Math.max(250, Math.floor(leaseMs / 3)));
    keepAlive.unref();
    const started = process.hrtime.bigint();
    const elapsed = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    try {
      const counts = await job.run(this.app);
      const run: JobRun = { name: job.name, duration_ms: elapsed(), counts: { ...counts } };
      this.app.logger.info({ job: job.name, trigger, duration_ms: run.duration_ms, counts: run.counts }, 'job ran');
      return run;
    } catch (err) {
      this.app.logger.error({ job: job.name, trigger, duration_ms: elapsed(), err }, 'job failed');
      throw err;
    } finally {
      clearInterval(keepAlive);
      await this.app.kv.delIfValue(key, this.holder).catch(() => undefined);
    }
  }
}

/** The runner of every discovered job (`app/platform/jobs/definitions`, `app/products/<p>/jobs`). */
export const jobRunner = (app: AppContext) => new JobRunner(app, discoverJobs());
