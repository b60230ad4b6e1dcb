/**
 * `npm run bench`: the gateway's throughput against two references, in one run, over loopback.
 *   a  bare node:http, fixed JSON, body ignored              — the machine's ceiling
 *   b  koa + koa-body: form parse, MD5 verify, JSON.parse    — the framework floor
 *   c  the project refusing a bad signature (protocol step 10)
 *   d  the project answering system.request.token            — on Redis when REDIS_URL is set
 * Each server is its own process (pinned to CPU 0 when taskset and two cores exist), the load generator
 * another (wrk, else autocannon; CPU 1). Every variant's answers are checked before and after it is
 * measured, and the measured answers' mean size must equal the checked one, so errors cannot pass as
 * throughput. Prints the table and writes it to data/bench-<timestamp>.json. See `--help` for options.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '../config';
import { BodyMaker } from './bench/bodies';
import { cpuSeconds, freePort, killAll, start, stop, waitForHttp, type Started } from './bench/children';
import { runLoad, type LoadResult } from './bench/load';
import { parseOptions, type BenchOptions } from './bench/options';
import { probe, type ProbeAnswer } from './bench/probe';
import { cleanUpStorage, createBenchAppid, projectCommand, projectEnv } from './bench/project';
import { formatTable, verdicts, type Row, type VariantKey } from './bench/report';

const ROOT = path.resolve(__dirname, '..');
const METHOD = 'system.request.token';
/** More than this share of failed requests (non-2xx, socket errors, timeouts) fails the run. */
const MAX_ERROR_SHARE = 0.01;
/** Tolerated deviation of the mean answer size from the checked answer (2 bytes of 300 is 0.7%). */
const MAX_SIZE_DRIFT = 0.004;
/** Spare distinct bodies for variant d, over what the floor's rate would use. */
const BODY_HEADROOM = 1.6;

interface Variant {
  key: VariantKey;
  label: string;
  launch(port: number): Started;
  readyPath: string;
  /** One request body of the kind the load sends. */
  sample(): string;
  /** The answer every request of the load must get. */
  expect: { code: number; msg?: string };
  /** Further checks on the server, given the sample sent and its answer. */
  extraCheck?(port: number, sent: string, answer: ProbeAnswer): Promise<void>;
  /** Every request needs a body of its own (a write method: the replay guard refuses a repeat). */
  distinct: boolean;
}

function expectAnswer(answer: ProbeAnswer, code: number, what: string, msg?: string): void {
  const ok = answer.status === 200 && answer.body?.code === code && (msg === undefined || answer.body?.msg === msg);
  if (!ok) {
    throw new Error(`${what}: expected HTTP 200 with code ${code}${msg ? ` "${msg}"` : ''}, got HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** Sends the variant's sample and throws unless it answers as it must; returns the reference answer. */
async function check(variant: Variant, port: number): Promise<ProbeAnswer> {
  const sent = variant.sample();
  const answer = await probe(port, sent);
  expectAnswer(answer, variant.expect.code, variant.key, variant.expect.msg);
  await variant.extraCheck?.(port, sent, answer);
  return answer;
}

/** The round with the median req/s (the lower middle for an even count). */
function medianRow(rows: Row[]): Row {
  const sorted = [...rows].sort((x, y) => x.rps - y.rps);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

class Bench {
  private readonly rows = new Map<VariantKey, Row>();
  private tmpDir = '';
  private config?: AppConfig;
  private appid?: string;
  private cleaned = false;

  constructor(private readonly options: BenchOptions) {}

  async run(): Promise<number> {
    const o = this.options;
    this.tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-bench-'));
    const env = projectEnv(this.tmpDir, 0);
    this.config = loadConfig(env);
    const load = os.loadavg()[0];
    process.stdout.write(
      `bench: ${o.tool}, ${o.connections} connections, ${o.threads} threads, ${o.warmupSec} s warm-up + ${o.durationSec} s per variant, ` +
        `${o.serverCpus !== undefined ? `server on CPU ${o.serverCpus}, load on CPU ${o.loadCpus}` : 'unpinned'}; ` +
        `project on ${this.config.db.client} + ${this.config.redis.url ? 'redis' : 'memory'} KV; load average ${load.toFixed(2)}\n`,
    );
    if (load > 0.5) process.stdout.write('bench: the machine is not idle: expect noisy figures; compare ratios, not absolutes\n');
    // Bodies carry a timestamp: the project refuses them once they are older than its window.
    if (o.warmupSec + o.durationSec > this.config.protocol.timestampWindowSec - 30) {
      throw new Error(`warm-up + duration must stay well inside the timestamp window (${this.config.protocol.timestampWindowSec} s)`);
    }
    const credentials = await createBenchAppid(this.config);
    this.appid = credentials.appid;
    const maker = new BodyMaker(credentials.appid, credentials.secret);

    // Rounds interleave the variants, so a noisy moment on the machine hits them alike; each variant then
    // reports its median round, as ceiling.md did.
    const rounds = new Map<VariantKey, Row[]>();
    for (let round = 1; round <= o.rounds; round++) {
      for (const variant of this.variants(maker, credentials.secret).filter((v) => o.only.has(v.key))) {
        process.stdout.write(`bench: round ${round}/${o.rounds}, ${variant.key}: ${variant.label} …\n`);
        const row = await this.measure(variant, maker);
        rounds.set(variant.key, [...(rounds.get(variant.key) ?? []), row]);
        this.rows.set(variant.key, medianRow(rounds.get(variant.key)!));
        process.stdout.write(`bench: round ${round}/${o.rounds}, ${variant.key}: ${Math.round(row.rps)} req/s, p99 ${row.p99_ms.toFixed(2)} ms\n`);
      }
    }

    const context = { kv: this.config.redis.url ? 'redis' : 'memory', connections: o.connections };
    const judged = verdicts(this.rows, context);
    const table = formatTable([...this.rows.values()], judged);
    process.stdout.write(`\n${table}\n`);
    const file = this.writeJson(judged, context, load);
    process.stdout.write(`\nbench: written to ${path.relative(process.cwd(), file)}\n`);
    return o.checkTargets && judged.some((v) => v.status === 'not met') ? 3 : 0;
  }

  private variants(maker: BodyMaker, secret: string): Variant[] {
    const o = this.options;
    const signed = () => maker.signed(METHOD);
    const node = process.execPath;
    const baseline = (kind: string) => (port: number) =>
      start(node, ['--import', 'tsx', path.join(__dirname, 'bench', 'baseline-server.ts'), kind], {
        env: { ...process.env, PORT: String(port), BENCH_SECRET: secret },
        cpus: o.serverCpus,
      });
    // One directory per variant: tsx's loader thread writes a profile of its own next to the main thread's.
    const profile = (key: VariantKey) => (o.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(o.cpuProfDir, key)] : []);
    const project = (key: VariantKey) => (port: number) =>
      start(node, [...profile(key), ...projectCommand()], { env: projectEnv(this.tmpDir, port), cpus: o.serverCpus });
    return [
      { key: 'a', label: 'bare node:http, fixed JSON', launch: baseline('bare'), readyPath: '/', sample: signed, expect: { code: 200 }, distinct: false },
      {
        key: 'b',
        label: 'koa + koa-body, MD5 verify (floor)',
        launch: baseline('koa'),
        readyPath: '/',
        sample: signed,
        expect: { code: 200 },
        // The floor must really verify, or it is not the floor.
        extraCheck: async (port) => expectAnswer(await probe(port, maker.badlySigned(METHOD)), 503, 'b with a bad signature'),
        distinct: false,
      },
      {
        key: 'c',
        label: 'project, bad signature',
        launch: project('c'),
        readyPath: '/health',
        sample: () => maker.badlySigned(METHOD),
        expect: { code: 503, msg: 'signature error' },
        distinct: false,
      },
      {
        key: 'd',
        label: `project, ${METHOD} (${this.config?.redis.url ? 'redis' : 'memory'})`,
        launch: project('d'),
        readyPath: '/health',
        sample: signed,
        expect: { code: 200 },
        extraCheck: async (port, sent, answer) => {
          if (!/^[0-9a-f]{32}$/.test(String(answer.body?.data?.token))) throw new Error(`d: no token in ${JSON.stringify(answer.body)}`);
          // The replay guard is live, so the load must never repeat a body.
          expectAnswer(await probe(port, sent), 503, 'd sent twice', 'duplicate request');
        },
        distinct: true,
      },
    ];
  }

  /** Writes the bodies for one load run of `seconds`; returns how to hand them to the load generator. */
  private async bodies(variant: Variant, maker: BodyMaker, seconds: number, dir: string): Promise<{ bodyFile?: string; bodyPrefix?: string }> {
    if (!variant.distinct) {
      const bodyFile = path.join(dir, `${variant.key}.body`);
      fs.writeFileSync(bodyFile, variant.sample());
      return { bodyFile };
    }
    // Sized from the fastest variant measured so far: the project cannot outrun the floor by much.
    const rate = Math.max(20_000, ...[...this.rows.values()].filter((r) => r.variant !== 'a').map((r) => r.rps));
    const count = Math.ceil(rate * seconds * BODY_HEADROOM) + 1000;
    const files = await maker.writeDistinct(path.join(dir, variant.key), count, this.options.threads, METHOD);
    return { bodyPrefix: files.prefix };
  }

  private async measure(variant: Variant, maker: BodyMaker): Promise<Row> {
    const o = this.options;
    const port = await freePort();
    const server = variant.launch(port);
    try {
      await waitForHttp(`http://127.0.0.1:${port}${variant.readyPath}`, server);
      const reference = await check(variant, port);
      const loadRun = async (seconds: number): Promise<LoadResult> => {
        const dir = fs.mkdtempSync(path.join(this.tmpDir, `${variant.key}-`));
        try {
          const bodies = await this.bodies(variant, maker, seconds, dir);
          return await runLoad({ tool: o.tool, port, seconds, connections: o.connections, threads: o.threads, cpus: o.loadCpus, ...bodies });
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      };
      const warm = await loadRun(o.warmupSec);
      this.assertClean(variant, warm, reference, 'warm-up');
      const cpuBefore = cpuSeconds(server.child.pid);
      const result = await loadRun(o.durationSec);
      const cpuAfter = cpuSeconds(server.child.pid);
      this.assertClean(variant, result, reference, 'measured run');
      await check(variant, port);
      const errors = result.non2xx + result.socket_errors + result.timeouts;
      return {
        variant: variant.key,
        label: variant.label,
        rps: result.requests / result.seconds,
        p99_ms: result.p99_ms,
        p50_ms: result.p50_ms,
        requests: result.requests,
        errors,
        cpu_us_per_req: cpuBefore !== undefined && cpuAfter !== undefined ? ((cpuAfter - cpuBefore) * 1e6) / result.requests : null,
        answer_size_drift: result.bytes / result.requests / reference.bytes - 1,
        raw: result,
      };
    } finally {
      await stop(server);
    }
  }

  private assertClean(variant: Variant, result: LoadResult, reference: ProbeAnswer, phase: string): void {
    const where = `${variant.key} (${variant.label}), ${phase}`;
    if (result.requests === 0) throw new Error(`${where}: no request completed`);
    if (result.exhausted > 0) {
      throw new Error(`${where}: the ${result.exhausted} requests beyond the pre-generated distinct bodies were refused; raise BODY_HEADROOM`);
    }
    const errors = result.non2xx + result.socket_errors + result.timeouts;
    if (errors > result.requests * MAX_ERROR_SHARE) {
      throw new Error(
        `${where}: ${errors} of ${result.requests} requests failed (non-2xx ${result.non2xx}, socket errors ${result.socket_errors}, timeouts ${result.timeouts})`,
      );
    }
    const drift = result.bytes / result.requests / reference.bytes - 1;
    if (Math.abs(drift) > MAX_SIZE_DRIFT) {
      throw new Error(
        `${where}: answers averaged ${(result.bytes / result.requests).toFixed(1)} bytes, the checked answer has ${reference.bytes}: ` +
          `the server answered something else under load (${JSON.stringify(reference.body)} expected)`,
      );
    }
  }

  private writeJson(judged: ReturnType<typeof verdicts>, context: { kv: string; connections: number }, loadAverage: number): string {
    const o = this.options;
    const dir = path.join(ROOT, 'data');
    fs.mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(dir, `bench-${stamp}.json`);
    const report = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      load_average_before: loadAverage,
      tool: o.tool,
      connections: o.connections,
      threads: o.threads,
      warmup_sec: o.warmupSec,
      duration_sec: o.durationSec,
      rounds: o.rounds,
      pinned: o.serverCpus !== undefined,
      db: this.config?.db.client,
      kv: context.kv,
      project_command: projectCommand().join(' '),
      rows: [...this.rows.values()],
      targets: judged,
    };
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    return file;
  }

  /** Idempotent: runs on success, on error and on Ctrl-C. */
  async cleanUp(): Promise<void> {
    if (this.cleaned) return;
    this.cleaned = true;
    killAll();
    try {
      if (this.config) await cleanUpStorage(this.config, this.appid);
    } finally {
      if (this.tmpDir) fs.rmSync(this.tmpDir, { recursive: true, force: true });
    }
  }
}

async function main(): Promise<void> {
  const bench = new Bench(parseOptions(process.argv.slice(2), process.env));
  const interrupted = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nbench: ${signal}, stopping\n`);
    const hardStop = setTimeout(() => process.exit(130), 5000);
    bench.cleanUp().finally(() => {
      clearTimeout(hardStop);
      process.exit(130);
    });
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  process.once('exit', killAll);
  let status = 1;
  try {
    status = await bench.run();
  } catch (err) {
    process.stderr.write(`\nbench FAILED: ${(err as Error).message}\n`);
  } finally {
    await bench.cleanUp().catch((err) => process.stderr.write(`bench: clean-up: ${(err as Error).message}\n`));
  }
  process.exit(status);
}

void main();
