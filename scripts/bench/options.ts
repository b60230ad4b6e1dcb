import os from 'node:os';
import path from 'node:path';
import { commandExists } from './children';
import { sizeLabel } from './fixture-rows';
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
  /** What to run: variant keys (`news-1m`), families (`news`, `g`) or groups (`protocol`, `db`, `workers`, `all`). */
  only: Set<string>;
  /** When set, the project server runs with --cpu-prof and writes its profiles here. */
  cpuProfDir?: string;
  /** Generated rows per table of the large data set. */
  fixtureRows: number;
  /** Database names of the data sets: `<prefix>_demo`, `<prefix>_1m`. */
  dbPrefix: string;
  /** Which data sets the DB methods run on: `demo` and/or the large one's label. */
  sizes: Set<string>;
  /** Build (or check) the data sets and stop. */
  fixtureOnly: boolean;
}

/** The groups `--only` knows, by the variant families they hold. */
export const GROUPS: Record<string, string[]> = {
  protocol: ['a', 'b', 'c', 'd'],
  db: ['g', 'news', 'goods', 'user', 'order', 'nickname'],
  workers: ['g-w1', 'g-w2', 'news-w1', 'news-w2'],
};
GROUPS.all = [...GROUPS.protocol, ...GROUPS.db, ...GROUPS.workers];

/** Whether `--only` selects the variant: named itself, by its family (`news` → news-demo, news-1m), or by a group. */
export function selects(only: Set<string>, key: string): boolean {
  const family = key.split('-')[0];
  const worker = /-w\d+$/.test(key);
  const names = [...only].flatMap((name) => GROUPS[name] ?? [name]);
  // A family names its data-set variants; the worker comparison is asked for by its own keys or group.
  return names.some((name) => name === key || (name === family && !worker));
}

const USAGE = `usage: npm run bench -- [--quick] [--only LIST] [--sizes demo,1m] [--rounds N] [--duration S] [--warmup S]
                        [--connections N] [--threads N] [--tool wrk|autocannon] [--no-pin] [--check-targets]
                        [--cpu-prof DIR] [--fixture-rows N] [--db-prefix NAME] [--fixture-only]
  --quick: 1 round, 1 s warm-up, 3 s per variant (a check that everything runs, not a measurement)
  --rounds N (default 3): every variant N times, interleaved; the table shows each one's median round
  --only LIST (default all): variant keys (news-1m), families (a b c d g news goods user order nickname)
       or groups: protocol (a-d), db (g and the methods on each data set), workers (g-w1 g-w2 news-w1 news-w2)
  --sizes LIST (default demo and the large set's label): the data sets the methods run on
  --fixture-rows N (default 1000000): rows per table of the large data set, database <prefix>_<label>
  --db-prefix NAME (default yaf_bench): the data sets live in NAME_demo and NAME_<label>, built once
  --fixture-only: build (or check) the data sets, then stop
  --cpu-prof DIR: the project server runs with node --cpu-prof, profiles in DIR/<variant>
  env: BENCH_ROUNDS, BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_THREADS, BENCH_TOOL, BENCH_PIN=0,
       BENCH_FIXTURE_ROWS, BENCH_DB_PREFIX, BENCH_DIST=1 (run the compiled dist/ server),
       REDIS_URL (the project on Redis), DB_CLIENT=mysql + DB_HOST/DB_PORT/DB_USER/DB_PASSWORD (or DATABASE_URL):
       the database variants need MariaDB/MySQL and Redis; on SQLite only a-d run`;

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
    if (['no-pin', 'check-targets', 'quick', 'fixture-only'].includes(name)) flags.set(name, true);
    else if (['rounds', 'duration', 'warmup', 'connections', 'threads', 'tool', 'only', 'cpu-prof', 'sizes', 'fixture-rows', 'db-prefix'].includes(name)) {
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
  const quick = flags.has('quick');
  const listOf = (flag: string) => (typeof flags.get(flag) === 'string' ? (flags.get(flag) as string).split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  const only = listOf('only') ?? ['all'];
  const known = new Set([...Object.keys(GROUPS), ...GROUPS.all]);
  for (const name of only) {
    if (!known.has(name) && !known.has(name.split('-')[0])) throw new Error(`--only: unknown variant, family or group ${JSON.stringify(name)}\n${USAGE}`);
  }
  const dbPrefix = value('db-prefix', 'BENCH_DB_PREFIX') ?? 'yaf_bench';
  if (!/^[A-Za-z0-9_]{1,48}$/.test(dbPrefix)) throw new Error(`--db-prefix must be letters, digits and _ (at most 48), got ${JSON.stringify(dbPrefix)}`);
  const fixtureRows = positiveInt('fixture-rows', value('fixture-rows', 'BENCH_FIXTURE_ROWS'), 1_000_000);
  const pin = !flags.has('no-pin') && env.BENCH_PIN !== '0' && os.cpus().length >= 2 && commandExists('taskset');
  return {
    warmupSec: positiveInt('warmup', value('warmup', 'BENCH_WARMUP'), quick ? 1 : 3),
    durationSec: positiveInt('duration', value('duration', 'BENCH_DURATION'), quick ? 3 : 10),
    rounds: positiveInt('rounds', value('rounds', 'BENCH_ROUNDS'), quick ? 1 : 3),
    connections,
    threads,
    tool: pickTool(tool),
    serverCpus: pin ? '0' : undefined,
    loadCpus: pin ? '1' : undefined,
    checkTargets: flags.has('check-targets'),
    only: new Set(only),
    cpuProfDir: typeof flags.get('cpu-prof') === 'string' ? path.resolve(flags.get('cpu-prof') as string) : undefined,
    fixtureRows,
    dbPrefix,
    sizes: new Set(listOf('sizes') ?? ['demo', sizeLabel(fixtureRows)]),
    fixtureOnly: flags.has('fixture-only'),
  };
}
