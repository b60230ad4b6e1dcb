import { expect } from 'chai';
import { appAuthService } from '../../app/platform/gateway/appAuth';
import { signData } from '../../app/sdk/client';
import { startTestServer, type TestClient, type TestServer } from '../helpers/harness';
import { probeMethods } from '../helpers/probes';

const PAGE = 'https://m.example.com';
const OTHER_PAGE = 'https://h5.example.org:8443';
const STRANGER = 'https://evil.example.net';

const CORS_HEADERS = ['access-control-allow-origin', 'access-control-expose-headers', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age'];

function corsHeadersOf(response: Response): Record<string, string> {
  return Object.fromEntries(CORS_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])));
}

/** Protocol §1 and the README's CORS rules: which pages may read answers, and which appids they may use. */
describe('transport: CORS per appid', () => {
  let server: TestServer;
  let h5: TestClient;
  let otherH5: TestClient;
  let backend: TestClient;

  const preflight = (origin: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', ...headers },
    });
  /** A signed probe.echo as a browser on `origin` sends it; answers the HTTP response. */
  const callFrom = (client: TestClient, origin?: string) => {
    const data = client.buildData('probe.echo', { text: 'hi' });
    return fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
      body: new URLSearchParams({ data, sign: signData(data, client.secret) }).toString(),
    });
  };

  before(async () => {
    server = await startTestServer({ protocol: { appidCacheMs: 5_000 } }, { extraMethods: probeMethods });
    const auth = server.app.use(appAuthService);
    h5 = await server.client('app');
    otherH5 = await server.client('app');
    backend = await server.client('app');
    // stored in canonical form: what a browser sends is `https://m.example.com`
    expect(await auth.setOrigins(h5.appid, 'HTTPS://M.Example.com:443/')).to.deep.equal([PAGE]);
    await auth.setOrigins(otherH5.appid, OTHER_PAGE);
  });
  after(() => server.stop());

  it('a preflight from an origin some live appid lists → 204 with exactly the CORS headers, the origin echoed', async () => {
    const response = await preflight(PAGE);
    expect(response.status).to.equal(204);
    expect(await response.text()).to.equal('');
    expect(corsHeadersOf(response)).to.deep.equal({
      'access-control-allow-origin': PAGE,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'Content-Type, X-Request-Id',
      'access-control-max-age': '600',
      'access-control-expose-headers': 'X-Request-Id',
    });
    expect(response.headers.get('vary')).to.equal('Origin');
  });

  it('a preflight from an origin no appid lists → 403 JSON and no CORS headers', async () => {
    for (const origin of [STRANGER, 'null', 'https://m.example.com.evil.net', 'http://m.example.com', `${PAGE}:444`]) {
      const response = await preflight(origin);
      expect(response.status, origin).to.equal(403);
      expect(await response.json()).to.deep.equal({ code: 403, msg: 'origin not allowed' });
      expect(corsHeadersOf(response), origin).to.deep.equal({});
    }
  });

  it('OPTIONS that is not a preflight (no Access-Control-Request-Method, or no Origin) stays 405', async () => {
    const plain = await fetch(`${server.url}/`, { method: 'OPTIONS' });
    expect(plain.status).to.equal(405);
    expect(plain.headers.get('allow')).to.equal('POST');
    const noMethod = await fetch(`${server.url}/`, { method: 'OPTIONS', headers: { origin: STRANGER } });
    expect(noMethod.status).to.equal(405);
  });

  it('a call from a listed origin answers with the origin echoed (never *), Vary: Origin and X-Request-Id exposed', async () => {
    const response = await callFrom(h5, PAGE);
    expect((await response.json()).code).to.equal(200);
    expect(corsHeadersOf(response)).to.deep.equal({ 'access-control-allow-origin': PAGE, 'access-control-expose-headers': 'X-Request-Id' });
    expect(response.headers.get('vary')).to.equal('Origin');
  });

  it("a call from an origin that only another appid lists → 508, readable by the page (it is someone's page)", async () => {
    const response = await callFrom(h5, OTHER_PAGE);
    expect(await response.json()).to.deep.equal({ code: 508, msg: 'origin not allowed' });
    expect(response.headers.get('access-control-allow-origin')).to.equal(OTHER_PAGE);
  });

  it('an appid without origins refuses a call carrying any Origin (508); without one it answers, with no CORS headers', async () => {
    const fromPage = await callFrom(backend, PAGE);
    expect(await fromPage.json()).to.deep.equal({ code: 508, msg: 'origin not allowed' });
    const fromStranger = await callFrom(backend, STRANGER);
    expect(await fromStranger.json()).to.deep.equal({ code: 508, msg: 'origin not allowed' });
    expect(corsHeadersOf(fromStranger)).to.deep.equal({});
    const serverToServer = await callFrom(backend);
    expect((await serverToServer.json()).code).to.equal(200);
    expect(corsHeadersOf(serverToServer)).to.deep.equal({});
    expect(serverToServer.headers.get('vary')).to.equal(null);
  });

  it('the other refusals reach the page too: a 405 and a protocol error from a listed origin carry CORS headers', async () => {
    const get = await fetch(`${server.url}/`, { headers: { origin: PAGE } });
    expect(get.status).to.equal(405);
    expect(get.headers.get('access-control-allow-origin')).to.equal(PAGE);
    const garbage = await fetch(`${server.url}/`, { method: 'POST', headers: { origin: PAGE, 'content-type': 'application/json' }, body: '{}' });
    expect((await garbage.json()).code).to.equal(504);
    expect(garbage.headers.get('access-control-allow-origin')).to.equal(PAGE);
  });

  it('GET routes always answer Vary: Origin (files are cached publicly), with CORS headers for a listed origin', async () => {
    const plain = await fetch(`${server.url}/health`);
    expect(plain.headers.get('vary')).to.equal('Origin');
    expect(corsHeadersOf(plain)).to.deep.equal({});
    const fromPage = await fetch(`${server.url}/files/none.png`, { headers: { origin: PAGE } });
    expect(fromPage.status).to.equal(404);
    expect(fromPage.headers.get('access-control-allow-origin')).to.equal(PAGE);
  });

  it('disabling an appid takes its origins off the preflight list at once; a change by another process within APPID_CACHE_MS', async () => {
    const auth = server.app.use(appAuthService);
    const page = 'https://disable.example.com';
    const client = await server.client('app');
    await auth.setOrigins(client.appid, page);
    expect((await preflight(page)).status).to.equal(204);
    await auth.setStatus(client.appid, false);
    expect((await preflight(page)).status).to.equal(403);
    await auth.setStatus(client.appid, true);
    expect((await preflight(page)).status).to.equal(204);
    expect((await (await callFrom(client, page)).json()).code).to.equal(200);
    // Another process clears the list: this one keeps its copy until the cache expires.
    await server.app.db('api_auth').where({ appid: client.appid }).update({ origin_allow: '' });
    expect((await preflight(page)).status).to.equal(204);
    expect((await (await callFrom(client, page)).json()).code).to.equal(200);
    server.clock.advance(5_001);
    expect((await preflight(page)).status).to.equal(403);
    expect(await (await callFrom(client, page)).json()).to.deep.equal({ code: 508, msg: 'origin not allowed' });
  });

  it('an appid whose stored origin list is malformed is refused (403), never opened to every page', async () => {
    const client = await server.client('app');
    await server.app.db('api_auth').where({ appid: client.appid }).update({ origin_allow: '*' });
    server.app.use(appAuthService).forget();
    expect(await (await callFrom(client, PAGE)).json()).to.deep.equal({ code: 403, msg: 'appid not allowed' });
    expect((await preflight(PAGE)).status).to.equal(204); // other appids' origins are unaffected
  });

  it('refuses wildcards, paths and non-http origins before storing them', async () => {
    const auth = server.app.use(appAuthService);
    for (const bad of ['*', 'https://*.example.com', 'https://m.example.com/h5', 'null', 'file:///tmp/x.html', 'm.example.com', 'https://user@m.example.com']) {
      let error: Error | undefined;
      try {
        await auth.setOrigins(h5.appid, `${PAGE}, ${bad}`);
      } catch (err) {
        error = err as Error;
      }
      expect(error?.message, bad).to.match(/origin|wildcard/);
    }
    const row = await server.app.db('api_auth').where({ appid: h5.appid }).first();
    expect(row.origin_allow).to.equal(PAGE);
  });
});
