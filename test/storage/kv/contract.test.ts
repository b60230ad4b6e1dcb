import crypto from 'node:crypto';
import { expect } from 'chai';
import { ManualClock } from '../../../app/core/clock';
import { MemoryKvStore } from '../../../app/storage/kv/memory';
import { RedisKvStore } from '../../../app/storage/kv/redis';
import type { KvStore } from '../../../app/storage/kv/types';

/** A store under test and how to let time pass for it. */
interface Subject {
  kv: KvStore;
  /** At least `ms` later as the store sees it. */
  passTime(ms: number): Promise<void>;
}

/**
 * The one contract both KV implementations honour. The in-process store runs on a manual clock, moved by
 * `passTime`; Redis keeps its own clock, so there `passTime` waits for real. Every assertion holds however
 * much longer than asked the wait turns out (a loaded machine), so none depends on chance.
 */
function contract(name: string, make: () => Subject): void {
  describe(`KvStore contract: ${name}`, () => {
    let kv: KvStore;
    let passTime: Subject['passTime'];
    before(() => {
      ({ kv, passTime } = make());
    });
    after(() => kv.close());

    it('get answers null for a missing key and the value after set', async () => {
      expect(await kv.get('missing')).to.equal(null);
      expect(await kv.set('a', 'ünïcødé 🚀')).to.equal(true);
      expect(await kv.get('a')).to.equal('ünïcødé 🚀');
    });

    it('getMany answers every key in the order asked, null for the missing ones', async () => {
      await kv.set('many-a', 'A');
      await kv.set('many-c', 'C', { ttlMs: 10_000 });
      expect(await kv.getMany(['many-c', 'many-b', 'many-a'])).to.deep.equal(['C', null, 'A']);
      expect(await kv.getMany([])).to.deep.equal([]);
    });

    it('set with onlyIfAbsent writes once and says whether it wrote', async () => {
      expect(await kv.set('nx', '1', { onlyIfAbsent: true, ttlMs: 10_000 })).to.equal(true);
      expect(await kv.set('nx', '2', { onlyIfAbsent: true, ttlMs: 10_000 })).to.equal(false);
      expect(await kv.get('nx')).to.equal('1');
    });

    it('keys with a TTL expire', async () => {
      await kv.set('short', 'x', { ttlMs: 60_000 });
      expect(await kv.ttl('short')).to.be.within(1, 60_000);
      expect(await kv.expire('short', 50)).to.equal(true);
      await passTime(100);
      expect(await kv.get('short')).to.equal(null);
      expect(await kv.ttl('short')).to.equal(-2);
    });

    it('ttl is -1 without expiry and expire adds one', async () => {
      await kv.set('forever', 'x');
      expect(await kv.ttl('forever')).to.equal(-1);
      expect(await kv.expire('forever', 5_000)).to.equal(true);
      expect(await kv.ttl('forever')).to.be.within(1, 5_000);
      expect(await kv.expire('no-such-key', 5_000)).to.equal(false);
    });

    it('incr counts atomically and sets the TTL only when it creates the key', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => kv.incr('counter', { ttlMs: 10_000 })));
      expect([...results].sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 50 }, (_, i) => i + 1));
      const ttl = await kv.ttl('counter');
      expect(ttl).to.be.within(1, 10_000);
      expect(await kv.incr('counter', { by: 5 })).to.equal(55);
      expect(await kv.incr('no-ttl')).to.equal(1);
      expect(await kv.ttl('no-ttl')).to.equal(-1);
    });

    it('incr of a fixed window restarts after the window', async () => {
      await kv.incr('window', { ttlMs: 60 });
      await kv.incr('window', { ttlMs: 60 });
      await passTime(120);
      expect(await kv.incr('window', { ttlMs: 60 })).to.equal(1);
    });

    it('del removes and counts existing keys', async () => {
      await kv.set('d1', '1');
      await kv.set('d2', '2');
      expect(await kv.del('d1', 'd2', 'd3')).to.equal(2);
      expect(await kv.get('d1')).to.equal(null);
      expect(await kv.del()).to.equal(0);
    });

    it('take hands a value to exactly one of many concurrent takers', async () => {
      await kv.set('once', 'prize', { ttlMs: 10_000 });
      const results = await Promise.all(Array.from({ length: 10 }, () => kv.take('once')));
      expect(results.filter((r) => r === 'prize')).to.have.length(1);
      expect(await kv.get('once')).to.equal(null);
    });

    it('delIfValue deletes only while the key holds the value (a lease released by its holder only)', async () => {
      await kv.set('lease', 'holder-a', { ttlMs: 10_000 });
      expect(await kv.delIfValue('lease', 'holder-b')).to.equal(false);
      expect(await kv.get('lease')).to.equal('holder-a');
      expect(await kv.delIfValue('lease', 'holder-a')).to.equal(true);
      expect(await kv.get('lease')).to.equal(null);
      expect(await kv.delIfValue('lease', 'holder-a')).to.equal(false);
    });

    it('expireIfValue extends only the holder\'s own key', async () => {
      await kv.set('lease2', 'holder-a', { ttlMs: 1_000 });
      expect(await kv.expireIfValue('lease2', 'holder-b', 60_000)).to.equal(false);
      expect(await kv.ttl('lease2')).to.be.within(1, 1_000);
      expect(await kv.expireIfValue('lease2', 'holder-a', 60_000)).to.equal(true);
      expect(await kv.ttl('lease2')).to.be.within(1_001, 60_000);
      expect(await kv.expireIfValue('missing-lease', 'holder-a', 60_000)).to.equal(false);
    });

    it('set-if-absent with a TTL gives a lease to exactly one of many concurrent takers', async () => {
      const won = await Promise.all(Array.from({ length: 10 }, (_, i) => kv.set('contested', `h${i}`, { ttlMs: 10_000, onlyIfAbsent: true })));
      expect(won.filter(Boolean)).to.have.length(1);
      expect(await kv.ttl('contested')).to.be.within(1, 10_000);
    });

    it('a lease nobody releases (its holder died) lapses with its TTL and can be taken again', async () => {
      expect(await kv.set('dead-lease', 'gone', { ttlMs: 60, onlyIfAbsent: true })).to.equal(true);
      expect(await kv.set('dead-lease', 'next', { ttlMs: 60, onlyIfAbsent: true })).to.equal(false);
      await passTime(100);
      expect(await kv.set('dead-lease', 'next', { ttlMs: 10_000, onlyIfAbsent: true })).to.equal(true);
      expect(await kv.delIfValue('dead-lease', 'gone')).to.equal(false);
      expect(await kv.get('dead-lease')).to.equal('next');
    });

    it('ping answers', async () => {
      expect(await kv.ping()).to.equal(true);
    });
  });
}

contract('in-process', () => {
  const clock = new ManualClock();
  return {
    kv: new MemoryKvStore(clock),
    passTime: async (ms) => clock.advance(ms),
  };
});
if (process.env.REDIS_URL) {
  contract('Redis', () => ({
    kv: new RedisKvStore(process.env.REDIS_URL!, `test:kv:${crypto.randomBytes(4).toString('hex')}:`),
    passTime: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }));
}

describe('MemoryKvStore with a manual clock', () => {
  it('expires by the injected clock, so tests can move time instead of sleeping', async () => {
    const clock = new ManualClock();
    const kv = new MemoryKvStore(clock);
    await kv.set('k', 'v', { ttlMs: 1_000 });
    clock.advance(999);
    expect(await kv.get('k')).to.equal('v');
    clock.advance(2);
    expect(await kv.get('k')).to.equal(null);
    await kv.close();
  });
});
