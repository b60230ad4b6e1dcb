import { expect } from 'chai';
import { signData, verifySignature } from '../../app/protocol/signature';
import { startTestServer, type TestClient, type TestServer } from '../helpers/harness';
import { probeMethods } from '../helpers/probes';

/**
 * Behaviour of the gateway core that mutation testing found no test pinning (issue 9, finding 17):
 * each case below fails when the rule it names is loosened by one character.
 */
describe('protocol: rules pinned down', () => {
  let server: TestServer;
  let client: TestClient;

  const now = () => Math.floor(server.clock.now() / 1000);
  const fixed = (extra: Record<string, unknown> = {}) => ({ method: 'probe.echo', v: '1.0.0', appid: client.appid, timestamp: String(now()), ...extra });
  const post = async (data: string, sign: string) => {
    const response = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ data, sign }).toString(),
    });
    return (await response.json()) as { code: number; msg: string; data?: Record<string, unknown> };
  };
  const signed = (payload: Record<string, unknown>) => {
    const data = JSON.stringify(payload);
    return post(data, signData(data, client.secret));
  };

  before(async () => {
    server = await startTestServer({}, { extraMethods: probeMethods });
    client = await server.client('app');
  });
  after(() => server.stop());

  it('the 10-digit timestamp rule is anchored at both ends: text around a valid stamp is malformed', async () => {
    for (const timestamp of [`x${now()}`, `${now()}x`, ` ${now()}`, `${now()} `, `${now()}\n`, `0${now()}`]) {
      const answer = await signed(fixed({ timestamp }));
      expect(answer.code, JSON.stringify(timestamp)).to.equal(503);
      expect(answer.msg, JSON.stringify(timestamp)).to.match(/^timestamp is malformed/);
    }
    expect((await signed(fixed({ timestamp: now() }))).code).to.equal(200);
  });

  it('a null timestamp is a missing one (507), like an absent or empty one', async () => {
    expect((await signed(fixed({ timestamp: null }))).code).to.equal(507);
  });

  it('the window is inclusive: exactly the window away is accepted, one second more is not', async () => {
    const window = server.config.protocol.timestampWindowSec;
    expect((await signed(fixed({ timestamp: String(now() - window) }))).code).to.equal(200);
    expect((await signed(fixed({ timestamp: String(now() + window) }))).code).to.equal(200);
    expect((await signed(fixed({ timestamp: String(now() - window - 1) }))).code).to.equal(503);
    expect((await signed(fixed({ timestamp: String(now() + window + 1) }))).code).to.equal(503);
  });

  it('a sign must be exactly 32 hex characters: longer, shorter or padded is a signature error', async () => {
    const data = JSON.stringify(fixed());
    const sign = signData(data, client.secret);
    expect((await post(data, sign)).code).to.equal(200);
    expect((await post(data, sign.toLowerCase())).code).to.equal(200);
    for (const bad of [`${sign}00`, `${sign}0`, sign.slice(0, 31), ` ${sign}`, `${sign} `, `${sign.slice(0, 30)}zz`]) {
      const answer = await post(data, bad);
      expect(answer, bad).to.deep.equal({ code: 503, msg: 'signature error' });
    }
    expect(verifySignature(data, `${sign}00`, [client.secret])).to.equal(false);
    expect(verifySignature(data, sign, ['another secret', client.secret])).to.equal(true);
    expect(verifySignature(data, sign, ['another secret'])).to.equal(false);
    expect(verifySignature(data, 12345, [client.secret])).to.equal(false);
    expect(verifySignature(data, [sign], [client.secret])).to.equal(false);
  });

  it('platform sent as a string is read as its number; anything else is 0', async () => {
    const platformOf = async (platform: unknown) => ((await signed(fixed({ platform }))).data as { platform: number }).platform;
    expect(await platformOf('2')).to.equal(2);
    expect(await platformOf(2)).to.equal(2);
    expect(await platformOf('05')).to.equal(5);
    for (const junk of ['abc', '2x', '', '123', 1.5, null, true, [2], { p: 2 }]) expect(await platformOf(junk), JSON.stringify(junk)).to.equal(0);
  });
});

describe('protocol: the refusals of steps 1–5 in their exact words', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer({}, { extraMethods: probeMethods });
    client = await server.client('app');
  });
  after(() => server.stop());

  const post = async (data: string) => {
    const response = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ data, sign: 'x' }).toString(),
    });
    return response.json();
  };

  it('each says what is missing or malformed', async () => {
    const t = String(Math.floor(server.clock.now() / 1000));
    expect(await post('')).to.deep.equal({ code: 504, msg: 'data is not a JSON object' });
    expect(await post('[1]')).to.deep.equal({ code: 504, msg: 'data is not a JSON object' });
    expect(await post('{"v":"1.0.0"}')).to.deep.equal({ code: 504, msg: 'method is missing' });
    expect(await post('{"method":"probe.echo","v":"1"}')).to.deep.equal({ code: 505, msg: 'version is missing or malformed (expected X.Y.Z)' });
    expect(await post('{"method":"probe.echo","v":"1.0.0"}')).to.deep.equal({ code: 506, msg: 'appid is missing' });
    expect(await post(JSON.stringify({ method: 'probe.echo', v: '1.0.0', appid: client.appid }))).to.deep.equal({ code: 507, msg: 'timestamp is missing' });
    expect(await post(JSON.stringify({ method: 'probe.echo', v: '1.0.0', appid: 'x'.repeat(33), timestamp: t }))).to.deep.equal({ code: 403, msg: 'appid not allowed' });
    expect(await post(JSON.stringify({ method: 'probe.echo', v: '1.0.0', appid: `${client.appid}`.slice(0, 32), timestamp: t }))).to.deep.equal({ code: 503, msg: 'signature error' });
  });
});
