import crypto from 'node:crypto';
import { expect } from 'chai';
import { RedisKvStore } from '../../../app/storage/kv/redis';
import { usingRedis } from '../../helpers/harness';
import { freePort, silentServer, TcpProxy } from '../../helpers/tcpProxy';

const TIMEOUTS = { commandTimeoutMs: 200, reconnectMaxMs: 100 };

/** How long `run` takes to settle, and whether it failed. */
async function timed(run: () => Promise<unknown>): Promise<{ ms: number; failed: boolean }> {
  const started = performance.now();
  const failed = await run().then(() => false, () => true);
  return { ms: performance.now() - started, failed };
}

/** Polls `ready` every 20 ms for at most `withinMs`; answers how long it took (Infinity if never). */
async function waitUntil(ready: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < withinMs) {
    if (await ready()) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Infinity;
}

describe('RedisKvStore: bounded waits while Redis is away', () => {
  it('a Redis that accepts connections and never answers: a command fails at the command timeout', async () => {
    const hung = await silentServer();
    const kv = new RedisKvStore(`redis://127.0.0.1:${hung.port}`, 'x:', TIMEOUTS);
    try {
      const { ms, failed } = await timed(() => kv.get('k'));
      expect(failed).to.equal(true);
      expect(ms).to.be.within(150, 600);
      const ping = await timed(() => kv.ping().then((up) => expect(up).to.equal(false)));
      expect(ping.failed).to.equal(false);
      expect(ping.ms).to.be.below(600);
    } finally {
      await kv.close();
      await hung.close();
    }
  });

  it('a Redis that refuses connections from the start: commands fail within the command timeout', async () => {
    const kv = new RedisKvStore(`redis://127.0.0.1:${await freePort()}`, 'x:', TIMEOUTS);
    try {
      const { ms, failed } = await timed(() => kv.set('k', 'v'));
      expect(failed).to.equal(true);
      expect(ms).to.be.below(600);
    } finally {
      await kv.close();
    }
  });

  if (usingRedis()) {
    it('a Redis that goes away after connecting: commands fail at once, and work again soon after it is back', async () => {
      const upstream = new URL(process.env.REDIS_URL!);
      const proxy = new TcpProxy(upstream.hostname, Number(upstream.port || 6379));
      await proxy.start();
      const kv = new RedisKvStore(`redis://127.0.0.1:${proxy.port}`, `test:outage:${crypto.randomBytes(4).toString('hex')}:`, TIMEOUTS);
      try {
        expect(await kv.set('before', '1')).to.equal(true);
        await proxy.cut();
        // The client notices the closed connection on its next turn of the event loop.
        expect(await waitUntil(async () => !(await kv.ping()), 1_000)).to.be.below(1_000);
        const attempts = await Promise.all(Array.from({ length: 20 }, () => timed(() => kv.incr('during'))));
        for (const { ms, failed } of attempts) {
          expect(failed).to.equal(true);
          expect(ms, 'no command waits for the reconnection').to.be.below(50);
        }
        await proxy.start();
        const back = await waitUntil(() => kv.ping(), 2_000);
        expect(back, 'reconnected within reconnectMaxMs (+ slack)').to.be.below(TIMEOUTS.reconnectMaxMs + 400);
        expect(await kv.get('before')).to.equal('1');
        expect(await kv.get('during')).to.equal(null);
      } finally {
        await kv.close();
        await proxy.cut();
      }
    });
  }
});
