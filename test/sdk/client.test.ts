import crypto from 'node:crypto';
import { expect } from 'chai';
import { signData as serverSign, verifySignature } from '../../app/protocol/signature';
import { ApiClient, signData as sdkSign } from '../../app/sdk/client';
import { startTestServer, type TestClient, type TestServer } from '../helpers/harness';
import { unixSeconds } from '../../app/core/clock';
import { probeMethods } from '../helpers/probes';

const SEED_DATA =
  '{"method":"user.login","v":"1.0.0","appid":"ios_app_id","timestamp":"1493898621","unique_id":"68f66b5b72b864dd389748bffe112f4f","username":"18575202691","password":"123456"}';
const SEED_SECRET = '7512100214f62d7de8ba01b281d6da02';

/** Random JSON-able values: Chinese, emoji, escapes, numbers, nesting. */
function randomValue(depth = 0): unknown {
  const pick = crypto.randomInt(0, depth > 2 ? 5 : 7);
  const strings = ['中文测试', '😀👍🏽', 'a"b\\c/d', 'line\nbreak\ttab', '', ' spaced ', 'ascii', '+86 138 0013 8000', '&=%?#'];
  switch (pick) {
    case 0:
      return strings[crypto.randomInt(0, strings.length)] + crypto.randomBytes(2).toString('hex');
    case 1:
      return crypto.randomInt(-1e9, 1e9);
    case 2:
      return crypto.randomInt(0, 1e6) / 100;
    case 3:
      return crypto.randomInt(0, 2) === 1;
    case 4:
      return null;
    case 5:
      return Array.from({ length: crypto.randomInt(0, 4) }, () => randomValue(depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: crypto.randomInt(0, 4) }, (_, i) => [`k${i}`, randomValue(depth + 1)]));
  }
}

/** JSON with every non-ASCII character \u-escaped, as PHP's json_encode writes it (and `/` as `\/`). */
function phpStyleJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');
}

describe('SDK signing', () => {
  it("signs the seed's worked example to 01E62683A5D2B7CD901F5F98C08F10EF (SDK and server alike)", () => {
    expect(sdkSign(SEED_DATA, SEED_SECRET)).to.equal('01E62683A5D2B7CD901F5F98C08F10EF');
    expect(serverSign(SEED_DATA, SEED_SECRET)).to.equal('01E62683A5D2B7CD901F5F98C08F10EF');
    expect(verifySignature(SEED_DATA, '01e62683a5d2b7cd901f5f98c08f10ef', [SEED_SECRET])).to.equal(true);
  });

  it('crypto-js in the SDK and node:crypto on the server agree on 300 random payloads', () => {
    for (let i = 0; i < 300; i++) {
      const data = i % 2 ? JSON.stringify(randomValue()) : phpStyleJson(randomValue());
      expect(sdkSign(data, SEED_SECRET)).to.equal(serverSign(data, SEED_SECRET));
    }
  });

  it('every one-byte change to data, and a wrong secret, fails verification', () => {
    const sign = sdkSign(SEED_DATA, SEED_SECRET);
    for (let i = 0; i < SEED_DATA.length; i++) {
      const changed = SEED_DATA.slice(0, i) + String.fromCharCode(SEED_DATA.charCodeAt(i) ^ 1) + SEED_DATA.slice(i + 1);
      expect(verifySignature(changed, sign, [SEED_SECRET]), `byte ${i}`).to.equal(false);
    }
    expect(verifySignature(SEED_DATA, sign, ['7512100214f62d7de8ba01b281d6da03'])).to.equal(false);
    expect(verifySignature(SEED_DATA, sign.slice(1), [SEED_SECRET])).to.equal(false);
    expect(verifySignature(SEED_DATA, undefined, [SEED_SECRET])).to.equal(false);
  });
});

describe('SDK against the server', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer({}, { extraMethods: probeMethods });
    client = await server.client('app');
  });
  after(() => server.stop());

  it('every SDK-signed request with random parameters verifies on the server and round-trips its text', async () => {
    for (let i = 0; i < 60; i++) {
      const text = `${randomValue()}`;
      const answer = await client.call('probe.echo', { text, extra: randomValue() });
      expect(answer.code, JSON.stringify(answer)).to.equal(200);
      expect(answer.data).to.include({ text });
    }
  });

  it('\\u-escaped (PHP style) and raw UTF-8 data both verify, signed as sent', async () => {
    for (const text of ['中文 / 😀', '"quoted" \\ back']) {
      const payload = { method: 'probe.echo', v: '1.0.0', appid: client.appid, timestamp: String(Math.floor(server.clock.now() / 1000)), text };
      for (const data of [JSON.stringify(payload), phpStyleJson(payload)]) {
        const answer = await client.send(data, sdkSign(data, client.secret));
        expect(answer.code, data).to.equal(200);
        expect(answer.data).to.include({ text });
      }
    }
  });

  it('a one-byte change to a sent request, or the wrong secret, is refused by the server', async () => {
    const data = client.buildData('probe.echo', { text: 'abc' });
    const sign = sdkSign(data, client.secret);
    expect((await client.send(data.replace('abc', 'abd'), sign)).msg).to.equal('signature error');
    expect((await client.send(data, sdkSign(data, 'not the secret'))).msg).to.equal('signature error');
    const stranger = new ApiClient({ url: server.url, appid: client.appid, secret: 'f'.repeat(32), now: () => unixSeconds(server.clock) });
    expect((await stranger.call('probe.echo')).msg).to.equal('signature error');
  });

  it('the SDK sends the fixed parameters', async () => {
    const phone = new ApiClient({ url: server.url, appid: client.appid, secret: client.secret, platform: 2, appV: '1.2.0', channel: 'huawei', now: () => unixSeconds(server.clock) });
    const data = JSON.parse(phone.buildData('probe.echo', { text: 'x' }, 'tok'));
    expect(data).to.include({ method: 'probe.echo', v: '1.0.0', appid: client.appid, platform: 2, app_v: '1.2.0', channel: 'huawei', token: 'tok', text: 'x', unique_id: '', device_token: '' });
    expect(data.timestamp).to.match(/^\d{10}$/);
    expect((await phone.call('probe.echo')).data).to.include({ platform: 2 });
  });
});
