import os from 'node:os';
import path from 'node:path';
import { commandExists } from './children';
import { pickTool, type LoadTool } from './load';

export interface BenchOptions {
  warmupSec: number;
  durationSec: number;
  /** Rounds of every variant, interleaved; each variant reports its median round (by req/s). */
  rounds: number;
  connections: number;
  threads: number;
  tool: LoadTool;
  /** taskset CPU lists: servers on one core, the load generator on the other; undefined = unpinned. */
  serverCpus?: string;
  loadCpus?: string;
  /** Exit with status 3 when a target is not met (for CI); otherwise targets only mark the table. */
  checkTargets: boolean;
  /** Variants to run (all by default); ratios whose variants were skipped are n/a. */
  only: Set<string>;
  /** When set, the project server runs with --cpu-prof and writes its profiles here. */
  cpuProfDir?: string;
}

const USAGE = `usage: npm run bench -- [--rounds N] [--duration S] [--warmup S] [--connections N] [--threads N]
                        [--tool wrk|autocannon] [--no-pin] [--check-targets] [--only a,b,c,d]
                        [--cpu-prof DIR]
  --rounds N (default 3): every variant N times, interleaved; the table shows each one's median round
  env: BENCH_ROUNDS, BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_THREADS, BENCH_TOOL, BENCH_PIN=0,
       BENCH_DIST=1 (run the compiled dist/ server), REDIS_URL (variant d on Redis), DB_CLIENT=mysql + DB_*
  --cpu-prof DIR: the project server (c, d) runs with node --cpu-prof, profiles in DIR/c and DIR/d`;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(raw)}\n${USAGE}`);
  return Number(raw);
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (['no-pin', 'check-targets'].includes(name)) flags.set(name, true);
    else if (['rounds', 'duration', 'warmup', 'connections', 'threads', 'tool', 'only', 'cpu-prof'].includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value\n${USAGE}`);
      flags.set(name, value);
    } else throw new Error(`unknown option --${name}\n${USAGE}`);
  }
  const value = (flag: string, envName: string) => (typeof flags.get(flag) === 'string' ? (flags.get(flag) as string) : env[envName]);
  const threads = positiveInt('threads', value('threads', 'BENCH_THREADS'), 2);
  const connections = positiveInt('connections', value('connections', 'BENCH_CONNECTIONS'), 64);
  if (connections < threads) throw new Error('connections must be at least threads');
  const tool = value('tool', 'BENCH_TOOL');
  if (tool && tool !== 'wrk' && tool !== 'autocannon') throw new Error(`--tool must be wrk or autocannon\n${USAGE}`);
  const pin = !flags.has('no-pin') && env.BENCH_PIN !== '0' && os.cpus().length >= 2 && commandExists('taskset');
  return {
    warmupSec: positiveInt('warmup', value('warmup', 'BENCH_WARMUP'), 3),
    durationSec: positiveInt('duration', value('duration', 'BENCH_DURATION'), 10),
    rounds: positiveInt('rounds', value('rounds', 'BENCH_ROUNDS'), 3),
    connections,
    threads,
    tool: pickTool(tool),
    serverCpus: pin ? '0' : undefined,
    loadCpus: pin ? '1' : undefined,
    checkTargets: flags.has('check-targets'),
    only: new Set(typeof flags.get('only') === 'string' ? (flags.get('only') as string).split(',') : ['a', 'b', 'c', 'd']),
    cpuProfDir: typeof flags.get('cpu-prof') === 'string' ? path.resolve(flags.get('cpu-prof') as string) : undefined,
  };
}
