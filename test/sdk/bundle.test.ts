import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { expect } from 'chai';
import { buildSdk, GLOBAL_NAME, type SdkBuild } from '../../scripts/build-sdk';

const SEED_DATA =
  '{"method":"user.login","v":"1.0.0","appid":"ios_app_id","timestamp":"1493898621","unique_id":"68f66b5b72b864dd389748bffe112f4f","username":"18575202691","password":"123456"}';

/** `npm run build:sdk` (test/browser runs the result in Chromium; this checks what can be checked without one). */
describe('SDK browser bundle', () => {
  let dir: string;
  let built: SdkBuild;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-sdk-'));
    built = await buildSdk(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes an ES module, a classic script and the helper page, each small', () => {
    expect(fs.readdirSync(dir).sort()).to.deep.equal(['sign-helper.html', 'yaf-client.js', 'yaf-client.mjs']);
    for (const file of [built.esm, built.classic]) expect(file.gzipBytes, path.basename(file.file)).to.be.below(6 * 1024);
    expect(fs.readFileSync(built.esm.file, 'utf8')).to.match(/export\s*\{[^}]*\bas ApiClient\b[^}]*\bas signData\b/);
  });

  it('the classic script runs with nothing but what a browser has, defines the global and signs like the server', () => {
    // No require, module, process or Buffer: a Node built-in reached at load time would throw here.
    const sandbox: Record<string, unknown> = { crypto: globalThis.crypto, fetch, FormData, Blob, URLSearchParams };
    vm.createContext(sandbox);
    vm.runInContext(fs.readFileSync(built.classic.file, 'utf8'), sandbox);
    const sdk = sandbox[GLOBAL_NAME] as typeof import('../../app/sdk/client');
    expect(Object.keys(sdk).sort()).to.deep.equal(['ApiClient', 'signData']);
    expect(sdk.signData(SEED_DATA, '7512100214f62d7de8ba01b281d6da02')).to.equal('01E62683A5D2B7CD901F5F98C08F10EF');
    const data = JSON.parse(new sdk.ApiClient({ url: 'http://x', appid: 'a', secret: 's', now: () => 1_700_000_000 }).buildData('probe.echo', { text: '中文' }));
    expect(data).to.include({ method: 'probe.echo', appid: 'a', timestamp: '1700000000', text: '中文' });
  });

  it('the helper page carries the classic bundle inline (it works opened alone, from disk)', () => {
    const page = fs.readFileSync(built.helperPage.file, 'utf8');
    expect(page).not.to.contain('<!-- yaf-client.js -->');
    expect(page).to.contain(`var ${GLOBAL_NAME}=`);
    expect(page).not.to.match(/<script[^>]+src=/);
    // the inlined code cannot end its own element early
    const scripts = page.match(/<script>/g) ?? [];
    expect(scripts.length).to.equal((page.match(/<\/script>/g) ?? []).length);
  });
});
