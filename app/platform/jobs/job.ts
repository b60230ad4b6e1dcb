import type { AppContext } from '../../context';

/** What a run did, by name (`{expired: 3}`): logged and answered as they are. */
export type JobCounts = Record<string, number>;

export interface JobDefinition {
  /** `<product>.<job>` (`platform.files.expire`, `show.orders.expire`); the first word is the folder it lives in. */
  name: string;
  summary: string;
  /** How often it runs when scheduled: once per `everyMs` slot of the clock, across all processes. */
  everyMs: number;
  /**
   * How long a run may hold the job before another process may take it, should this one die; a live
   * runner keeps extending it. Default one minute.
   */
  leaseMs?: number;
  run(app: AppContext): Promise<JobCounts>;
}

const JOB_BRAND = Symbol.for('yaf.job');

/** Declares a job; discovery (`./discover.ts`) finds every value made by this in the job folders. */
export function defineJob(definition: JobDefinition): JobDefinition {
  return Object.assign(definition, { [JOB_BRAND]: true });
}

export function isJobDefinition(value: unknown): value is JobDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[JOB_BRAND] === true;
}
