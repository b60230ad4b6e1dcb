import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Auth } from '../../app/platform/identity/accounts';
import type { UploadAnswer } from '../../app/platform/files/uploads';
import { appAuthService } from '../../app/platform/gateway/appAuth';
import { ApiClient, signData, type ApiAnswer } from '../../app/sdk/client';
import { buildSdk } from '../../scripts/build-sdk';
import { createMember, prepareAccounts, type Member } from '../helpers/accounts';
import { startTestServer, type TestServer } from '../helpers/harness';
import { tinyImages } from '../helpers/images';
import { logCapture } from '../helpers/logs';

/** Debian's package (CI installs it in .ci/run); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'browser');

/**
 * The H5 page: loads the ES module bundle and exposes small steps the test drives. Plain JS in a string,
 * so it reaches the browser exactly as written. A call the browser refuses to let the page read
 * answers `{blocked}` with the error's name.
 */
const H5_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>H5 page</title>
<style>body{font:15px system-ui,sans-serif;margin:1.5em} li{margin:.2em 0;font-family:monospace} img{border:1px solid #888;width:32px;height:32px;image-rendering:pixelated}</style></head>
<body><h1>H5 page on <span id="origin"></span></h1>
<p><input type="file" id="image" accept="image/*"> <img id="uploaded" alt="uploaded"></p>
<ol id="log"></ol>
<script type="module">
import { ApiClient } from './yaf-client.mjs';
document.getElementById('origin').textContent = location.origin;
let api;
const show = (text) => { const li = document.createElement('li'); li.textContent = text; document.getElementById('log').append(li); };
window.h5 = {
  setup(options) { api = new ApiClient({ platform: 3, ...options }); show('api ' + options.url + ', appid ' + options.appid); },
  async call(method, params, options) {
    try {
      const answer = await api.call(method, params, options);
      show(method + (options && options.json ? ' (JSON body)' : '') + ': ' + answer.code + ' ' + answer.msg);
      return answer;
    } catch (err) {
      show(method + ': blocked by the browser (' + err.name + ')');
      return { blocked: err.name };
    }
  },
  upload(token) {
    return h5.call('system.upload', {}, { token, files: [{ field: 'image', file: document.getElementById('image').files[0] }] });
  },
  showImage(url) {
    const img = document.getElementById('uploaded');
    return new Promise((resolve) => { img.onload = () => resolve(img.naturalWidth); img.onerror = () => resolve(-1); img.src = url; });
  },
  async requestIdHeader(url, body) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    return response.headers.get('x-request-id');
  },
};
window.h5ready = true;
</script></body></html>`;

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript' };

/** A static host for `dir` on its own loopback port, i.e. its own origin. */
async function staticSite(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const site = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, name);
    if (!name || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => site.close(() => resolve())),
  };
}

describe('H5 pages in Chromium: the SDK bundle against the server on another origin', function () {
  this.timeout(60_000);
  const captured = logCapture();
  let dir: string;
  let server: TestServer;
  let site: Awaited<ReturnType<typeof staticSite>>;
  let strangerSite: Awaited<ReturnType<typeof staticSite>>;
  let browser: Browser;
  let page: Page;
  let appid: string;
  let secret: string;
  let member: Member;

  /** Log lines of `/` from the server, for what the browser sent (preflights included). */
  const apiLines = () => captured.lines.filter((line) => line.path === '/');
  const openH5 = async (origin: string) => {
    await page.goto(`${origin}/h5.html`);
    await page.waitForFunction('window.h5ready === true');
    await page.evaluate(`h5.setup(${JSON.stringify({ url: server.url, appid, secret })})`);
  };
  const pageCall = <T>(method: string, params: Record<string, unknown> = {}, options: Record<string, unknown> = {}) =>
    page.evaluate(`h5.call(${JSON.stringify(method)}, ${JSON.stringify(params)}, ${JSON.stringify(options)})`) as Promise<ApiAnswer<T> & { blocked?: string }>;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.log(`      (skipped: no Chromium at ${CHROMIUM}; install it with "apt-get install -y chromium", as .ci/run does)`);
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-h5-'));
    await buildSdk(dir);
    fs.writeFileSync(path.join(dir, 'h5.html'), H5_PAGE);
    [site, strangerSite] = await Promise.all([staticSite(dir), staticSite(dir)]);
    server = await startTestServer({}, { logger: captured.logger, clockStartMs: Date.now() });
    await prepareAccounts(server);
    const row = await server.app.use(appAuthService).create({ apiType: 'app', name: 'H5', origins: site.origin });
    ({ appid, secret } = row);
    member = await createMember(server);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 900, height: 640 } });
  });

  after(async () => {
    await browser?.close();
    await Promise.all([site?.close(), strangerSite?.close()]);
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the page (origin A) calls the API (origin B): request token, login, user.detail, an upload from a File, a JSON body', async () => {
    await openH5(site.origin);
    expect(new URL(server.url).origin).not.to.equal(site.origin);

    const tokens = await pageCall<{ token: string; tokens: string[] }>('system.request.token', { number: 2 });
    expect(tokens.code, tokens.msg).to.equal(200);
    expect(tokens.data!.tokens).to.have.length(2);

    const login = await pageCall<Auth>('user.login', { mobile: member.mobile, login_type: 2, password: member.password });
    expect(login.code, login.msg).to.equal(200);
    const token = login.data!.token;
    expect(token).to.be.a('string').and.not.equal(member.token);

    const detail = await pageCall<{ mobile: string }>('user.detail', {}, { token });
    expect(detail.code, detail.msg).to.equal(200);
    expect(detail.data!.mobile).to.equal(member.mobile);

    // A File the way a user picks one: through the page's <input type=file>.
    await page.setInputFiles('#image', { name: 'photo.png', mimeType: 'image/png', buffer: tinyImages.png });
    const upload = (await page.evaluate(`h5.upload(${JSON.stringify(token)})`)) as ApiAnswer<UploadAnswer>;
    expect(upload.code, upload.msg).to.equal(200);
    const row = await server.app.db('files').where({ file_id: Number(upload.data!.file_id) }).first();
    expect(row).to.include({ owner_id: member.id, mime: 'image/png', size: tinyImages.png.length, status: 1 });
    // ... and the page can show it (an <img> from the API's /files/ route).
    expect(await page.evaluate(`h5.showImage(${JSON.stringify(server.url + upload.data!.relative_image_url)})`)).to.equal(1);

    // A JSON body is not a "simple" request: the browser asks first (OPTIONS → 204), then posts.
    const before = apiLines().length;
    const json = await pageCall<{ mobile: string }>('user.detail', {}, { token, json: true });
    expect(json.code, json.msg).to.equal(200);
    expect(json.data!.mobile).to.equal(member.mobile);
    expect(apiLines().slice(before).map((line) => [line.http, line.code ?? null])).to.deep.equal([[204, null], [200, 200]]);

    // The request id is readable too (exposed), so a page can quote it in a bug report.
    const data = new ApiClient({ url: server.url, appid, secret }).buildData('system.request.token');
    const body = new URLSearchParams({ data, sign: signData(data, secret) }).toString();
    expect(await page.evaluate(`h5.requestIdHeader(${JSON.stringify(`${server.url}/`)}, ${JSON.stringify(body)})`)).to.match(/^[0-9a-f-]{36}$/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'h5-page.png'), fullPage: true });
  });

  it('the same page on an origin the appid does not list cannot read a single answer', async () => {
    await openH5(strangerSite.origin);
    const before = apiLines().length;

    // A form post needs no preflight: it reaches the server, which refuses it (508) with no CORS headers.
    const form = await pageCall('system.request.token');
    expect(form).to.deep.equal({ blocked: 'TypeError' });
    // A JSON body is stopped at the preflight (403): the call itself is never sent.
    const json = await pageCall('system.request.token', {}, { json: true });
    expect(json).to.deep.equal({ blocked: 'TypeError' });

    expect(apiLines().slice(before).map((line) => [line.http, line.code ?? null])).to.deep.equal([[200, 508], [403, null]]);
  });

  describe('the signing helper page', () => {
    const fill = async (target: Page, values: Record<string, string>) => {
      for (const [id, value] of Object.entries(values)) await target.fill(`#${id}`, value);
    };

    it('opened from disk, signs the seed example to 01E62683A5D2B7CD901F5F98C08F10EF and says its timestamp is stale', async () => {
      const helper = await browser.newPage();
      try {
        await helper.goto(pathToFileURL(path.join(dir, 'sign-helper.html')).href);
        await fill(helper, {
          data: '{"method":"user.login","v":"1.0.0","appid":"ios_app_id","timestamp":"1493898621","unique_id":"68f66b5b72b864dd389748bffe112f4f","username":"18575202691","password":"123456"}',
          secret: '7512100214f62d7de8ba01b281d6da02',
        });
        expect(await helper.textContent('#sign')).to.equal('01E62683A5D2B7CD901F5F98C08F10EF');
        expect(await helper.textContent('#checks .warn')).to.match(/old by this computer's clock/);
        expect(await helper.textContent('#curl')).to.contain("--data-urlencode 'sign=01E62683A5D2B7CD901F5F98C08F10EF'");

        // From disk the page's origin is "null", which no appid can list: the page says so.
        await fill(helper, { url: server.url });
        await helper.click('#send');
        await helper.waitForSelector('#answer[data-code]');
        expect(await helper.getAttribute('#answer', 'data-code')).to.equal('blocked');
        expect(await helper.textContent('#answer')).to.contain('"null"');
      } finally {
        await helper.close();
      }
    });

    it('served from a listed origin, signs a fresh call and sends it: the answer is shown', async () => {
      const helper = await browser.newPage();
      try {
        await helper.goto(`${site.origin}/sign-helper.html`);
        const data = new ApiClient({ url: server.url, appid, secret }).buildData('system.request.token', { number: 3 });
        await fill(helper, { data, secret, url: server.url });
        expect(await helper.textContent('#sign')).to.equal(signData(data, secret));
        expect(await helper.textContent('#checks .ok')).to.contain('system.request.token');
        await helper.click('#send');
        await helper.waitForSelector('#answer[data-code]');
        expect(await helper.getAttribute('#answer', 'data-code')).to.equal('200');
        const answer = JSON.parse((await helper.textContent('#answer'))!) as ApiAnswer<{ tokens: string[] }>;
        expect(answer.data!.tokens).to.have.length(3);
      } finally {
        await helper.close();
      }
    });
  });
});
