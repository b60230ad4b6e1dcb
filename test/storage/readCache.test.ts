import { expect } from 'chai';
import { paginate } from '../../app/platform/paging';
import { ReadCache, readCacheOf, scopedGenerations, scopedWrite, unseenByCaches } from '../../app/storage/readCache';
import { transaction } from '../../app/storage/db';
import { startTestServer, type TestServer } from '../helpers/harness';
import { createTestUser } from '../helpers/users';

/** A computation that counts its calls, answers `value`, and can be held or made to fail. */
class Source {
  calls = 0;
  value = 1;
  failing = false;
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;

  readonly compute = async (): Promise<number> => {
    this.calls++;
    const value = this.value;
    if (this.held) await this.held;
    if (this.failing) throw new Error('database away');
    return value;
  };

  /** Computations started from now on wait until `let()`. */
  hold(): void {
    this.held = new Promise((resolve) => (this.release = resolve));
  }

  let(): void {
    this.release?.();
    this.held = undefined;
  }
}

describe('storage/readCache: stale-while-revalidate', () => {
  const ttlMs = 1_000;
  const graceMs = 1_000;
  let server: TestServer;
  let errors: unknown[];
  let keys = 0;
  let key: string;
  let source: Source;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());
  beforeEach(() => {
    errors = [];
    key = `swr:${++keys}`;
    source = new Source();
  });

  /** One process's cache over the file's KV store (two of them are two processes sharing Redis). */
  const process = (grace = graceMs) => new ReadCache(server.app.kv, (err) => errors.push(err), ttlMs, ttlMs, grace, server.clock);
  const read = (cache: ReadCache) => cache.read(['swr_table'], key, ttlMs, source.compute);

  it('answers a fresh entry without computing, for its whole TTL', async () => {
    const cache = process();
    expect(await read(cache)).to.equal(1);
    source.value = 2;
    server.clock.advance(ttlMs - 1);
    expect(await read(cache)).to.equal(1);
    await cache.idle();
    expect(source.calls).to.equal(1);
  });

  it('past its TTL answers the stored entry at once and starts exactly one refresh; the next read has its value', async () => {
    const cache = process();
    expect(await read(cache)).to.equal(1);
    source.value = 2;
    server.clock.advance(ttlMs);
    source.hold();
    expect(await Promise.all([read(cache), read(cache), read(cache)])).to.deep.equal([1, 1, 1]);
    expect(await read(cache)).to.equal(1);
    source.let();
    await cache.idle();
    expect(source.calls).to.equal(2);
    expect(await read(cache)).to.equal(2);
    // The refreshed entry is fresh for a TTL of its own.
    server.clock.advance(ttlMs - 1);
    expect(await read(cache)).to.equal(2);
    await cache.idle();
    expect(source.calls).to.equal(2);
    expect(errors).to.deep.equal([]);
  });

  it('past TTL + grace computes while the caller waits, callers sharing one computation', async () => {
    const cache = process();
    expect(await read(cache)).to.equal(1);
    source.value = 2;
    server.clock.advance(ttlMs + graceMs);
    expect(await Promise.all([read(cache), read(cache)])).to.deep.equal([2, 2]);
    await cache.idle();
    expect(source.calls).to.equal(2);
  });

  it('never answers an entry whose tables were written, even within the grace window', async () => {
    const cache = process();
    expect(await read(cache)).to.equal(1);
    server.clock.advance(ttlMs + 1);
    source.value = 2;
    await cache.bump(['swr_table']);
    expect(await read(cache)).to.equal(2);
    await cache.idle();
    expect(source.calls).to.equal(2);
    // A write while the refresh runs: the refreshed entry is stored under the old generations, never answered.
    server.clock.advance(ttlMs);
    source.value = 3;
    source.hold();
    expect(await read(cache)).to.equal(2);
    await cache.bump(['swr_table']);
    source.value = 4;
    source.let();
    await cache.idle();
    expect(await read(cache)).to.equal(4);
  });

  it('a failing refresh goes to onError and leaves reads answering; a later one succeeds', async () => {
    const cache = process();
    expect(await read(cache)).to.equal(1);
    server.clock.advance(ttlMs);
    source.value = 2;
    source.failing = true;
    expect(await read(cache)).to.equal(1);
    await cache.idle();
    expect(errors).to.have.length(1);
    expect((errors[0] as Error).message).to.equal('database away');
    // The failed refresh released its claim: the next stale read tries again.
    expect(await read(cache)).to.equal(1);
    await cache.idle();
    expect(errors).to.have.length(2);
    source.failing = false;
    expect(await read(cache)).to.equal(1);
    await cache.idle();
    expect(await read(cache)).to.equal(2);
    expect(source.calls).to.equal(4);
  });

  it('two processes on one KV store start one refresh between them', async () => {
    const first = process();
    const second = process();
    expect(await read(first)).to.equal(1);
    expect(await read(second)).to.equal(1);
    server.clock.advance(ttlMs);
    source.value = 2;
    source.hold();
    expect(await read(first)).to.equal(1);
    expect(await read(second)).to.equal(1);
    source.let();
    await Promise.all([first.idle(), second.idle()]);
    expect(source.calls).to.equal(2);
    expect(await read(second)).to.equal(2);
    expect(await read(first)).to.equal(2);
    expect(source.calls).to.equal(2);
  });

  it('a grace of 0 computes as soon as the TTL has run out', async () => {
    const cache = process(0);
    expect(await read(cache)).to.equal(1);
    source.value = 2;
    server.clock.advance(ttlMs);
    expect(await read(cache)).to.equal(2);
    expect(source.calls).to.equal(2);
  });

  it('an entry of the format before fresh-until times is a miss, not an answer', async () => {
    const cache = process();
    // The old format `<generations>,<JSON>` under the old key, and a value without a time under the new one.
    await server.app.kv.set(`cache:${key}`, '0,41', { ttlMs });
    expect(await read(cache)).to.equal(1);
    await server.app.kv.set(`cache2:${key}`, 'x:0,41', { ttlMs });
    source.value = 2;
    expect(await read(cache)).to.equal(2);
    expect(source.calls).to.equal(2);
  });

  it('paging answers a stale total within the grace and has the recount on the next read', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createTestUser(server)).id);
    const active = () => server.app.db('users').select('id').whereIn('id', ids).where({ status: 1 }).orderBy('id');
    expect((await paginate(active(), 1, 2)).total).to.equal(3);
    // A change no generation sees (as one made while Redis was unreachable would be) shows once the TTL has run out.
    await unseenByCaches(server.app.db('users').where({ id: ids[0] }).update({ status: 0 }));
    server.clock.advance(server.config.paging.totalTtlMs);
    expect((await paginate(active(), 1, 2)).total).to.equal(3);
    await readCacheOf(server.app.db.client)!.idle();
    expect((await paginate(active(), 1, 2)).total).to.equal(2);
  });
});

describe('storage/readCache: scoped writes', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await server.app.db.schema.createTable('scoped_t', (t) => {
      t.increments('id');
      t.integer('owner').notNullable();
    });
  });
  after(() => server.stop());

  const generations = async () => {
    const names = ['scoped_t', ...scopedGenerations('scoped_t', 'owner', 1), ...scopedGenerations('scoped_t', 'owner', 2)];
    const values = await server.app.kv.getMany(names.map((name) => `gen:${name}`));
    return Object.fromEntries(names.map((name, i) => [name, Number(values[i] ?? 0)]));
  };
  const moved = async (write: () => Promise<unknown>) => {
    const before = await generations();
    await write();
    await readCacheOf(server.app.db.client)!.idle();
    const after = await generations();
    return Object.keys(after).filter((name) => after[name] !== before[name]).sort();
  };

  it("a marked write moves its table and its own scope, not another's; an unmarked one moves every scope", async () => {
    expect(await moved(() => scopedWrite(server.app.db('scoped_t'), 'owner', 1).insert({ owner: 1 }))).to.deep.equal(['scoped_t', 'scoped_t@owner=1']);
    expect(await moved(() => server.app.db('scoped_t').insert({ owner: 2 }))).to.deep.equal(['scoped_t', 'scoped_t@*']);
    expect(await moved(() => transaction(server.app.db, (trx) => scopedWrite(trx('scoped_t'), 'owner', 2).where({ owner: 2 }).update({ owner: 2 })))).to.deep.equal(['scoped_t', 'scoped_t@owner=2']);
    expect(await moved(() => scopedWrite(server.app.db('scoped_t'), 'owner', 1).where({ owner: 9 }).del())).to.deep.equal([]);
  });

  it("a scope's generation expires a day after its last move at the earliest, a table's never", async () => {
    await scopedWrite(server.app.db('scoped_t'), 'owner', 1).insert({ owner: 1 });
    await readCacheOf(server.app.db.client)!.idle();
    expect(await server.app.kv.ttl('gen:scoped_t@owner=1')).to.be.at.least(24 * 3600 * 1000 - 60_000);
    expect(await server.app.kv.ttl('gen:scoped_t')).to.be.below(0);
  });
});
