/**
 * `npm run bench`: the gateway's throughput against references, in one run, over loopback.
 *   a  bare node:http, fixed JSON, body ignored              — the machine's ceiling
 *   b  koa + koa-body: form parse, MD5 verify, JSON.parse    — the framework floor
 *   c  the project refusing a bad signature (protocol step 10)
 *   d  the project answering system.request.token            — on Redis when REDIS_URL is set
 * On MariaDB/MySQL + Redis (DB_CLIENT=mysql, REDIS_URL), also:
 *   g  (b) + one mysql2 `execute` primary-key SELECT         — the ceiling of a method that reads the DB
 *   news/goods/user/order-<size>  app news.list, goods.list, user.detail, order.list (token)
 *   nickname-<size>               user.nickname.edit (token): a real write per request
 *      on each data set (scripts/bench/fixture.ts): `demo` (the demo data) and `1m` (1,000,000 generated
 *      news, goods and orders rows), each in a database of its own, built once
 *   g-w1, g-w2, news-w1, news-w2  (g) and news.list with 1 and 2 node:cluster workers, unpinned
 * Each server is its own process (pinned to CPU 0 when taskset and two cores exist), the load generator
 * another (wrk, else autocannon; CPU 1). Every variant's answers are checked before and after it is
 * measured, and the measured answers' mean size must equal the checked one, so errors cannot pass as
 * throughput. Prints the table and writes it to data/bench-<timestamp>.json. See `--help` for options.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { loadConfig, type AppConfig } from '../config';
import { DEMO_USER } from '../app/products/app/demo/011_accounts';
import { BodyMaker, type BodyFiles } from './bench/bodies';
import { cpuSeconds, freePort, killAll, start, stop, waitForHttp, type Started } from './bench/children';
import { datasets, ensureDataset, withDatabase, WRITER_COUNT, writerMobile, type Dataset } from './bench/fixture';
import { sizeLabel } from './bench/fixture-rows';
import { runLoad, type LoadResult } from './bench/load';
import { parseOptions, selects, type BenchOptions } from './bench/options';
import { probe, type ProbeAnswer } from './bench/probe';
import { cleanUpStorage, createBenchAppid, issueBenchTokens, projectCommand, projectEnv } from './bench/project';
import { formatTable, verdicts, type Row, type VariantKey } from './bench/report';

const ROOT = path.resolve(__dirname, '..');
const METHOD = 'system.request.token';
/** More than this share of failed requests (non-2xx, socket errors, timeouts) fails the run. */
const MAX_ERROR_SHARE = 0.01;
/** Tolerated deviation of the mean answer size from the checked answer (2 bytes of 300 is 0.7%). */
const MAX_SIZE_DRIFT = 0.004;
/** A pause between the load and the check after it (far above any p99 the bench accepts). */
const SETTLE_MS = 1000;
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
  /**
   * Every request needs a body of its own (a write method: the replay guard refuses a repeat, at the
   * cost of one KV SET, so repeats would measure refusals): writes `count` distinct bodies.
   */
  distinct?(prefix: string, count: number, threads: number): Promise<BodyFiles>;
  /** Server and load generator on their own cores (false: both unpinned, the worker comparison). */
  pinned: boolean;
}

/**
 * Where the project runs in this bench: a database (a data set's, or the SQLite file) and a KV key
 * prefix of its own, with an `app` appid and, on a data set, a session of the demo member.
 */
interface Target {
  label: string;
  env: NodeJS.ProcessEnv;
  config: AppConfig;
  appid?: string;
  secret: string;
  maker: BodyMaker;
  session?: { token: string; userId: number };
  /** Sessions of the members the write variant spreads over (fixture.ts WRITER_COUNT). */
  writers: Array<{ token: string; userId: number }>;
}

/** A nickname of fixed length (the answer's size must not change under load), distinct per body. */
const benchNickname = (n: number) => `bench${n.toString(36).padStart(8, '0')}`;

const listOf = (answer: ProbeAnswer) => (answer.body?.data as { list?: unknown[] } | undefined)?.list;
function expectList(key: string) {
  return async (_port: number, _sent: string, answer: ProbeAnswer) => {
    if (!listOf(answer)?.length) throw new Error(`${key}: an empty list (is the data set there?): ${JSON.stringify(answer.body)}`);
  };
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
  private readonly targets: Target[] = [];
  private cleaned = false;

  constructor(private readonly options: BenchOptions) {}

  /** The data sets, each built unless its marker says it is complete (MariaDB/MySQL only). */
  private dataSets(): Dataset[] {
    const { demo, large } = datasets(this.options.dbPrefix, this.options.fixtureRows);
    return [demo, large].filter((d) => d.rows === 0 || this.options.sizes.has(d.label));
  }

  private async prepareTarget(dataset: Dataset | null): Promise<Target> {
    const label = dataset?.label ?? 'local';
    const overrides = dataset ? { ...withDatabase(process.env, dataset.database), REDIS_KEY_PREFIX: `bench:${process.pid}:${label}:` } : {};
    const env = projectEnv(this.tmpDir, 0, overrides);
    const config = loadConfig(env);
    const target: Target = { label, env, config, secret: '', maker: undefined as unknown as BodyMaker, writers: [] };
    // Registered before anything is created, so the clean-up finds what a failure leaves behind.
    this.targets.push(target);
    const credentials = await createBenchAppid(config);
    target.appid = credentials.appid;
    target.secret = credentials.secret;
    target.maker = new BodyMaker(credentials.appid, credentials.secret);
    if (dataset) {
      const writers = Array.from({ length: WRITER_COUNT }, (_, i) => writerMobile(i));
      [target.session, ...target.writers] = await issueBenchTokens(config, [DEMO_USER.mobile, ...writers]);
    }
    return target;
  }

  async run(): Promise<number> {
    const o = this.options;
    this.tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-bench-'));
    this.config = loadConfig(projectEnv(this.tmpDir, 0));
    const onDatabase = this.config.db.client === 'mysql' && Boolean(this.config.redis.url);
    const askedForDb = [...o.only].some((name) => name !== 'all' && name !== 'protocol' && !['a', 'b', 'c', 'd'].includes(name));
    if (!onDatabase && (askedForDb || o.fixtureOnly)) {
      throw new Error('the database variants and the data sets need DB_CLIENT=mysql (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD) and REDIS_URL');
    }
    if (onDatabase) {
      for (const dataset of this.dataSets()) {
        process.stdout.write(`bench: data set ${dataset.label} (${dataset.database}) …\n`);
        await ensureDataset(process.env, dataset, (line) => process.stdout.write(`bench: ${line}\n`));
      }
      if (o.fixtureOnly) return 0;
    }
    const load = os.loadavg()[0];
    process.stdout.write(
      `bench: ${o.tool}, ${o.connections} connections, ${o.threads} threads, ${o.warmupSec} s warm-up + ${o.durationSec} s per variant, ` +
        `${o.rounds} round(s), ${o.serverCpus !== undefined ? `server on CPU ${o.serverCpus}, load on CPU ${o.loadCpus}` : 'unpinned'}; ` +
        `project on ${this.config.db.client} + ${this.config.redis.url ? 'redis' : 'memory'} KV; load average ${load.toFixed(2)}\n`,
    );
    if (!onDatabase) process.stdout.write('bench: only a-d: the database variants need DB_CLIENT=mysql and REDIS_URL\n');
    if (load > 0.5) process.stdout.write('bench: the machine is not idle: expect noisy figures; compare ratios, not absolutes\n');
    // Bodies carry a timestamp: the project refuses them once they are older than its window.
    if (o.warmupSec + o.durationSec > this.config.protocol.timestampWindowSec - 30) {
      throw new Error(`warm-up + duration must stay well inside the timestamp window (${this.config.protocol.timestampWindowSec} s)`);
    }
    const targets = onDatabase ? await Promise.all(this.dataSets().map((d) => this.prepareTarget(d))) : [await this.prepareTarget(null)];
    const variants = this.variants(targets).filter((v) => selects(o.only, v.key));
    if (variants.length === 0) throw new Error(`--only ${[...o.only].join(',')} selects no variant here`);

    // Rounds interleave the variants, so a noisy moment on the machine hits them alike; each variant then
    // reports its median round, as ceiling.md did.
    const rounds = new Map<VariantKey, Row[]>();
    for (let round = 1; round <= o.rounds; round++) {
      for (const variant of variants) {
        process.stdout.write(`bench: round ${round}/${o.rounds}, ${variant.key}: ${variant.label} …\n`);
        const row = await this.measure(variant);
        rounds.set(variant.key, [...(rounds.get(variant.key) ?? []), row]);
        this.rows.set(variant.key, medianRow(rounds.get(variant.key)!));
        process.stdout.write(`bench: round ${round}/${o.rounds}, ${variant.key}: ${Math.round(row.rps)} req/s, p99 ${row.p99_ms.toFixed(2)} ms\n`);
      }
    }

    const context = { kv: this.config.redis.url ? 'redis' : 'memory', connections: o.connections, large: sizeLabel(o.fixtureRows) };
    const judged = verdicts(this.rows, context);
    const table = formatTable([...this.rows.values()], judged);
    process.stdout.write(`\n${table}\n`);
    const file = this.writeJson(judged, context, load);
    process.stdout.write(`\nbench: written to ${path.relative(process.cwd(), file)}\n`);
    return o.checkTargets && judged.some((v) => v.status === 'not met') ? 3 : 0;
  }

  private variants(targets: Target[]): Variant[] {
    const o = this.options;
    const [first] = targets;
    const { maker, secret } = first;
    const signed = () => maker.signed(METHOD);
    const node = process.execPath;
    const baseline = (kind: string, env: NodeJS.ProcessEnv = {}, cpus = o.serverCpus) => (port: number) =>
      start(node, ['--import', 'tsx', path.join(__dirname, 'bench', 'baseline-server.ts'), kind], {
        env: { ...process.env, ...env, PORT: String(port), BENCH_SECRET: secret },
        cpus,
      });
    // One directory per variant: tsx's loader thread writes a profile of its own next to the main thread's.
    const profile = (key: VariantKey) => (o.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(o.cpuProfDir, key)] : []);
    const project = (key: VariantKey, target: Target = first, workers = 1, cpus = o.serverCpus, env: NodeJS.ProcessEnv = {}) => (port: number) =>
      start(node, [...profile(key), ...projectCommand()], { env: { ...target.env, ...env, PORT: String(port), WORKERS: String(workers) }, cpus });
    // A guest may hold 50 unspent request tokens per appid and address per 30 minutes, so from loopback
    // all but the first 50 calls of d would be refused: its load comes as clients behind a trusted proxy
    // (X-Forwarded-For, as in production behind one), 40 calls per address over the whole run.
    let tokenCalls = 0;
    const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const variants: Variant[] = [
      { key: 'a', label: 'bare node:http, fixed JSON', launch: baseline('bare'), readyPath: '/', sample: signed, expect: { code: 200 }, pinned: true },
      {
        key: 'b',
        label: 'koa + koa-body, MD5 verify (floor)',
        launch: baseline('koa'),
        readyPath: '/',
        sample: signed,
        expect: { code: 200 },
        // The floor must really verify, or it is not the floor.
        extraCheck: async (port) => expectAnswer(await probe(port, maker.badlySigned(METHOD)), 503, 'b with a bad signature'),
        pinned: true,
      },
      {
        key: 'c',
        label: 'project, bad signature',
        launch: project('c'),
        readyPath: '/health',
        sample: () => maker.badlySigned(METHOD),
        expect: { code: 503, msg: 'signature error' },
        pinned: true,
      },
      {
        key: 'd',
        label: `project, ${METHOD} (${this.config?.redis.url ? 'redis' : 'memory'})`,
        launch: project('d', first, 1, o.serverCpus, { TRUST_PROXY_HOPS: '1' }),
        readyPath: '/health',
        sample: signed,
        expect: { code: 200 },
        extraCheck: async (port, sent, answer) => {
          if (!/^[0-9a-f]{32}$/.test(String(answer.body?.data?.token))) throw new Error(`d: no token in ${JSON.stringify(answer.body)}`);
          // The replay guard is live, so the load must never repeat a body.
          expectAnswer(await probe(port, sent), 503, 'd sent twice', 'duplicate request');
        },
        distinct: (prefix, count, threads) => {
          const base = tokenCalls;
          tokenCalls += count + threads;
          return maker.writeDistinct(prefix, count, threads, METHOD, {}, (n) => clientAddress(Math.floor((base + n) / 40)));
        },
        pinned: true,
      },
    ];
    if (!first.session) return variants;
    const ceiling = (key: VariantKey, label: string, workers: number, cpus: string | undefined): Variant => ({
      key,
      label,
      launch: baseline('koa-db', { BENCH_MYSQL: JSON.stringify(mysqlOptions(first.config)), BENCH_PK: String(first.session!.userId), WORKERS: String(workers) }, cpus),
      readyPath: '/',
      sample: signed,
      expect: { code: 200 },
      extraCheck: async (port, _sent, answer) => {
        if (answer.body?.data?.id !== first.session!.userId) throw new Error(`${key}: not the member's row: ${JSON.stringify(answer.body)}`);
        expectAnswer(await probe(port, maker.badlySigned(METHOD)), 503, `${key} with a bad signature`);
      },
      pinned: cpus !== undefined,
    });
    variants.push(ceiling('g', 'koa + koa-body + mysql2 execute PK SELECT', 1, o.serverCpus));
    for (const target of targets.filter((t) => o.sizes.has(t.label))) variants.push(...this.methodVariants(target, project));
    const news = (target: Target) => () => target.maker.signed('news.list', { page: 1 });
    for (const workers of [1, 2]) {
      variants.push(ceiling(`g-w${workers}`, `(g), ${workers} worker${workers > 1 ? 's' : ''}, unpinned`, workers, undefined));
      variants.push({
        key: `news-w${workers}`,
        label: `news.list, demo data, ${workers} worker${workers > 1 ? 's' : ''}, unpinned`,
        launch: project(`news-w${workers}`, first, workers, undefined),
        readyPath: '/health',
        sample: news(first),
        expect: { code: 200 },
        extraCheck: expectList(`news-w${workers}`),
        pinned: false,
      });
    }
    return variants;
  }

  /** The project's app methods on one data set: four reads and a write, the token ones as the demo member. */
  private methodVariants(target: Target, project: (key: VariantKey, target: Target) => (port: number) => Started): Variant[] {
    const { maker, session } = target;
    const token = session!.token;
    const rows = target.label === 'demo' ? 'demo data' : `${target.label} rows`;
    const read = (family: string, method: string, params: Record<string, unknown>, check?: Variant['extraCheck']): Variant => ({
      key: `${family}-${target.label}`,
      label: `${method}${'token' in params ? ' (token)' : ''}, ${rows}`,
      launch: project(`${family}-${target.label}`, target),
      readyPath: '/health',
      sample: () => maker.signed(method, params),
      expect: { code: 200 },
      extraCheck: check,
      pinned: true,
    });
    const key = (family: string) => `${family}-${target.label}`;
    let sampleNumber = Date.now() % 1e9;
    const writer = (n: number) => target.writers[n % target.writers.length];
    const edit = (n: number) => ({ token: writer(n).token, nickname: benchNickname(n) });
    return [
      read('news', 'news.list', { page: 1 }, expectList(key('news'))),
      read('goods', 'goods.list', { page: 1 }, expectList(key('goods'))),
      read('user', 'user.detail', { token }, async (_port, _sent, answer) => {
        if (answer.body?.data?.mobile !== DEMO_USER.mobile) throw new Error(`${key('user')}: not the demo member: ${JSON.stringify(answer.body)}`);
      }),
      read('order', 'order.list', { token, page: 1 }, expectList(key('order'))),
      {
        ...read('nickname', 'user.nickname.edit', { token }),
        sample: () => maker.signed('user.nickname.edit', edit(++sampleNumber)),
        extraCheck: async (port, sent, answer) => {
          const data = JSON.parse(decodeURIComponent(sent.split('&')[0].slice('data='.length))) as { nickname: string; token: string };
          const { nickname } = data;
          if (answer.body?.data?.nickname !== nickname) throw new Error(`${key('nickname')}: answered ${JSON.stringify(answer.body)}`);
          const member = target.writers.find((w) => w.token === data.token)!;
          const stored = await storedNickname(target.config, member.userId);
          if (stored !== nickname) throw new Error(`${key('nickname')}: the database holds ${JSON.stringify(stored)}, not ${nickname}: the write did not happen`);
          expectAnswer(await probe(port, sent), 503, `${key('nickname')} sent twice`, 'duplicate request');
        },
        // Every body sets another nickname, so every request is an UPDATE that changes a row; the calls
        // take the members in turn.
        distinct: (prefix, count, threads) => {
          const base = (sampleNumber += count + 1) - count;
          return maker.writeDistinct(prefix, count, threads, 'user.nickname.edit', (n) => edit(base + n));
        },
      },
    ];
  }

  /** Writes the bodies for one load run of `seconds`; returns how to hand them to the load generator. */
  private async bodies(variant: Variant, seconds: number, dir: string): Promise<{ bodyFile?: string; bodyPrefix?: string }> {
    if (!variant.distinct) {
      const bodyFile = path.join(dir, `${variant.key}.body`);
      fs.writeFileSync(bodyFile, variant.sample());
      return { bodyFile };
    }
    // Sized from the fastest variant measured so far: the project cannot outrun the floor by much.
    const rate = Math.max(20_000, ...[...this.rows.values()].filter((r) => r.variant !== 'a').map((r) => r.rps));
    const count = Math.ceil(rate * seconds * BODY_HEADROOM) + 1000;
    const files = await variant.distinct(path.join(dir, variant.key), count, this.options.threads);
    return { bodyPrefix: files.prefix };
  }

  private async measure(variant: Variant): Promise<Row> {
    const o = this.options;
    const port = await freePort();
    const server = variant.launch(port);
    try {
      await waitForHttp(`http://127.0.0.1:${port}${variant.readyPath}`, server);
      const reference = await check(variant, port);
      const loadRun = async (seconds: number): Promise<LoadResult> => {
        const dir = fs.mkdtempSync(path.join(this.tmpDir, `${variant.key}-`));
        try {
          const bodies = await this.bodies(variant, seconds, dir);
          const cpus = variant.pinned ? o.loadCpus : undefined;
          return await runLoad({ tool: o.tool, port, seconds, connections: o.connections, threads: o.threads, cpus, ...bodies });
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
      // wrk stops sending, not the server answering: the calls it left in flight finish first, so that
      // none of them lands after the check's own write.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
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
      data_sets: this.targets.map((t) => ({ label: t.label, database: t.config.db.client === 'mysql' ? t.config.db.database : 'sqlite' })),
      fixture_rows: o.fixtureRows,
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
      for (const target of this.targets) await cleanUpStorage(target.config, target.appid);
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

function mysqlOptions(config: AppConfig): mysql.PoolOptions {
  if (config.db.url) return { uri: config.db.url };
  return { host: config.db.host, port: config.db.port, user: config.db.user, password: config.db.password, database: config.db.database };
}

async function storedNickname(config: AppConfig, userId: number): Promise<string | undefined> {
  const conn = await mysql.createConnection(mysqlOptions(config));
  try {
    const [rows] = await conn.execute('SELECT nickname FROM users WHERE id = ?', [userId]);
    return (rows as Array<{ nickname: string }>)[0]?.nickname;
  } finally {
    await conn.end();
  }
}
