import { expect } from 'chai';
import type { KvStore } from '../../app/storage/kv/types';
import { startTestServer, type TestServer } from '../helpers/harness';

/** The store, except that `ping` never answers: a Redis that accepts the connection and then hangs. */
function hangingPing(kv: KvStore): KvStore {
  return new Proxy(kv, { get: (target, key) => (key === 'ping' ? () => new Promise(() => undefined) : Reflect.get(target, key)) });
}

describe('transport: GET /health answers within its bound when a store hangs', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ http: { healthTimeoutMs: 200 } }, { wrapKv: hangingPing });
  });
  after(() => server.stop());

  it('a KV store that never answers is reported down after http.healthTimeoutMs, not waited for', async () => {
    const started = performance.now();
    const response = await fetch(`${server.url}/health`);
    const body = (await response.json()) as { code: number; data: Record<string, string> };
    const ms = performance.now() - started;
    expect(response.status).to.equal(200);
    expect(body.code).to.equal(500);
    expect(body.data).to.include({ db: 'up', kv: 'down' });
    expect(ms).to.be.within(150, 700);
  });
});
