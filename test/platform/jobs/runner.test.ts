import crypto from 'node:crypto';
import { expect } from 'chai';
import knexFactory from 'knex';
import { AppContext } from '../../../app/context';
import { createLogger } from '../../../app/core/logger';
import { defineJob, type JobCounts, type JobDefinition } from '../../../app/platform/jobs/job';
import { JobRunner } from '../../../app/platform/jobs/runner';
import { MemoryKvStore } from '../../../app/storage/kv/memory';
import { RedisKvStore } from '../../../app/storage/kv/redis';
import type { KvStore } from '../../../app/storage/kv/types';
import { rejectionOf } from '../../helpers/errors';
import { startTestServer, usingRedis, type TestServer } from '../../helpers/harness';
import { logCapture } from '../../helpers/logs';

const EVERY_MS = 60_000;
const LEASE_MS = 30_000;

/** A job that counts its runs and, when gated, waits until the test opens the gate. */
function countingJob(name = 'test.count') {
  const state = { runs: 0, gate: null as null | { opened: Promise<void>; open(): void } };
  const job: JobDefinition = defineJob({
    name,
    summary: 'counts its runs',
    everyMs: EVERY_MS,
    leaseMs: LEASE_MS,
    async run(): Promise<JobCounts> {
      state.runs++;
      if (state.gate) await state.gate.opened;
      return { runs: state.runs };
    },
  });
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    state.gate = { opened, open };
    return open;
  };
  return { job, state, gate };
}

describe('platform jobs: once across workers, under a lease in the KV store', () => {
  let server: TestServer;
  let prefix: string;
  let memory: MemoryKvStore;
  const stores: KvStore[] = [];
  const captured = logCapture();

  before(async () => {
    server = await startTestServer();
    prefix = `test:jobs:${crypto.randomBytes(4).toString('hex')}:`;
    memory = new MemoryKvStore(server.clock);
  });
  after(async () => {
    await Promise.all(stores.map((kv) => kv.close()));
    await memory.close();
    await server.stop();
  });

  /**
   * Another process: its own AppContext on the same database and the same KV store (one in-process
   * store shared, or its own connection to Redis under one prefix), with the same clock.
   */
  function worker(jobs: JobDefinition[], logger = createLogger('silent')): { runner: JobRunner; app: AppContext } {
    let kv: KvStore = memory;
    if (usingRedis()) {
      kv = new RedisKvStore(process.env.REDIS_URL!, prefix);
      stores.push(kv);
    }
    const app = new AppContext(server.config, server.app.db, kv, server.clock, logger);
    return { runner: new JobRunner(app, jobs), app };
  }

  const leaseKey = (name: string) => `job:lease:${name}`;

  it('a job that two workers both try to run in one slot runs once, and once again in the next slot', async () => {
    const { job, state } = countingJob('test.twice');
    const a = worker([job]);
    const b = worker([job]);
    const [runsA, runsB] = await Promise.all([a.runner.tick(), b.runner.tick()]);
    expect(runsA.length + runsB.length).to.equal(1);
    expect(state.runs).to.equal(1);
    // Ticking again in the same slot, from either, runs nothing.
    expect([...(await a.runner.tick()), ...(await b.runner.tick())]).to.deep.equal([]);

    server.clock.advance(EVERY_MS);
    const next = await Promise.all([b.runner.tick(), a.runner.tick()]);
    expect(next.flat()).to.have.length(1);
    expect(await b.runner.tick()).to.deep.equal([]);
    expect(next.flat()[0]).to.include({ name: 'test.twice' }).and.have.deep.property('counts', { runs: 2 });
    expect(state.runs).to.equal(2);
  });

  it('never runs one job twice at once: a run holds a bounded lease that others respect', async () => {
    const { job, state, gate } = countingJob('test.lease');
    const a = worker([job]);
    const b = worker([job]);
    const open = gate();
    const running = a.runner.run('test.lease');
    while (state.runs === 0) await new Promise((resolve) => setImmediate(resolve));

    const ttl = await a.app.kv.ttl(leaseKey('test.lease'));
    expect(ttl).to.be.within(1, LEASE_MS);
    const busy = await rejectionOf(b.runner.run('test.lease'));
    expect(busy.code).to.equal(503);
    expect(busy.message).to.equal('job test.lease is running elsewhere: try again when it is done');
    // The schedule of the other worker claims its slot but cannot take the lease either.
    expect(await b.runner.tick()).to.deep.equal([]);
    expect(state.runs).to.equal(1);

    open();
    expect((await running).counts).to.deep.equal({ runs: 1 });
    expect(await a.app.kv.get(leaseKey('test.lease'))).to.equal(null);
    state.gate = null;
    expect((await b.runner.run('test.lease')).counts).to.deep.equal({ runs: 2 });
  });

  it('a dead runner\'s lease lapses after leaseMs, and a late finisher never releases its successor\'s', async function () {
    // Moving time is only possible for the in-process store; on Redis the TTL asserted above bounds it.
    if (usingRedis()) this.skip();
    const { job, state, gate } = countingJob('test.dead');
    const a = worker([job]);
    const b = worker([job]);
    const c = worker([job]);

    // A runner that took the lease and died holds it for LEASE_MS at most.
    await memory.set(leaseKey('test.dead'), 'gone-host:1:0', { ttlMs: LEASE_MS, onlyIfAbsent: true });
    expect((await rejectionOf(b.runner.run('test.dead'))).message).to.match(/running elsewhere/);
    server.clock.advance(LEASE_MS);
    expect((await b.runner.run('test.dead')).counts).to.deep.equal({ runs: 1 });

    // A slow run outlives its lease; a successor takes it; the slow one ending leaves the successor's lease alone.
    const openA = gate();
    const slow = a.runner.run('test.dead');
    while (state.runs === 1) await new Promise((resolve) => setImmediate(resolve));
    server.clock.advance(LEASE_MS);
    const openB = gate();
    const successor = b.runner.run('test.dead');
    while (state.runs === 2) await new Promise((resolve) => setImmediate(resolve));
    openA();
    await slow;
    expect((await rejectionOf(c.runner.run('test.dead'))).message).to.match(/running elsewhere/);
    openB();
    await successor;
    state.gate = null;
    expect((await c.runner.run('test.dead')).counts).to.deep.equal({ runs: 4 });
  });

  it('logs one line per run with the name, duration and counts; a failing job logs, frees its lease and spares the others', async () => {
    const { job: good, state } = countingJob('test.good');
    let fail = true;
    const bad = defineJob({
      name: 'test.bad',
      summary: 'fails once',
      everyMs: EVERY_MS,
      async run() {
        if (fail) throw new Error('boom');
        return { ok: 1 };
      },
    });
    const { runner } = worker([bad, good], captured.logger);
    captured.lines.length = 0;
    server.clock.advance(EVERY_MS);
    const runs = await runner.tick();
    expect(runs.map((r) => r.name)).to.deep.equal(['test.good']);
    expect(state.runs).to.equal(1);
    const lines = captured.lines.map(({ msg, job, trigger, counts, duration_ms }) => ({ msg, job, trigger, counts, duration: typeof duration_ms }));
    expect(lines).to.deep.equal([
      { msg: 'job failed', job: 'test.bad', trigger: 'schedule', counts: undefined, duration: 'number' },
      { msg: 'job ran', job: 'test.good', trigger: 'schedule', counts: { runs: 1 }, duration: 'number' },
    ]);
    fail = false;
    expect(await runner.run('test.bad')).to.include({ name: 'test.bad' }).and.have.deep.property('counts', { ok: 1 });
    expect(captured.lines.at(-1)).to.include({ msg: 'job ran', job: 'test.bad', trigger: 'demand' });
  });

  it('skips a slot, logging why, while the KV store is away (no one could know whether another process ran it)', async () => {
    const { job, state } = countingJob('test.kvdown');
    const away = new MemoryKvStore(server.clock);
    away.set = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    const app = new AppContext(server.config, server.app.db, away, server.clock, captured.logger);
    captured.lines.length = 0;
    expect(await new JobRunner(app, [job]).tick()).to.deep.equal([]);
    expect(state.runs).to.equal(0);
    expect(captured.lines.map((l) => [l.msg, l.job])).to.deep.equal([['job slot not claimed', 'test.kvdown']]);
    await away.close();
  });

  it('refuses an unknown job by name', async () => {
    const { runner } = worker([]);
    const err = await rejectionOf(runner.run('show.nothing'));
    expect(err.code).to.equal(503);
    expect(err.message).to.equal('unknown job "show.nothing"');
  });

  it('schedules on a timer that does not hold the process, and stops when the app closes', async () => {
    const { job } = countingJob('test.timer');
    const kv = new MemoryKvStore(server.clock);
    // A context of its own (a database nobody uses), so closing it closes nothing of the server's.
    const db = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    const app = new AppContext({ ...server.config, jobs: { schedule: true, tickMs: 60_000 } }, db, kv, server.clock, createLogger('silent'));
    const runner = new JobRunner(app, [job]);
    const holding = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = holding();
    runner.start();
    expect(runner.isScheduled()).to.equal(true);
    expect(holding(), 'an unref\'d timer keeps nothing alive').to.equal(before);
    await app.close();
    expect(runner.isScheduled()).to.equal(false);
    runner.start();
    expect(runner.isScheduled(), 'a closed app is not scheduled again').to.equal(false);
  });
});
