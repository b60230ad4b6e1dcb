import crypto from 'node:crypto';
import { expect } from 'chai';
import { defineMethod } from '../../app/registry/method';
import { MethodRegistry } from '../../app/registry/registry';
import Joi from 'joi';
import { startTestServer, type TestClient, type TestServer } from '../helpers/harness';
import { rawRequest, tinyImages } from '../helpers/images';
import { base64UploadProbe, probeMethods } from '../helpers/probes';

const DEFAULT_LIMIT = 4096;

/** A PNG (by its magic number) of about `size` bytes, as base64. */
const pngBase64 = (size: number) => Buffer.concat([tinyImages.png, crypto.randomBytes(size - tinyImages.png.length)]).toString('base64');

describe('protocol §1: a method declares its own larger body limit (base64 uploads)', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer({ http: { bodyLimitBytes: DEFAULT_LIMIT } }, { extraMethods: [...probeMethods, base64UploadProbe] });
    client = await server.client('app');
  });
  after(() => server.stop());

  const post = (body: string, type = 'application/x-www-form-urlencoded') =>
    fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': type }, body });

  it('a base64 image above the default limit passes for the method that declares more, form or JSON body', async () => {
    for (const json of [false, true]) {
      const answer = await client.call<{ url: string }>('probe.upload64', { base64: pngBase64(20 * 1024) }, { json });
      expect(answer.code, answer.msg).to.equal(200);
      const served = await rawRequest(server.url, new URL(answer.data!.url).pathname);
      expect(served.status).to.equal(200);
      expect(served.body.subarray(0, 8).equals(tinyImages.png.subarray(0, 8))).to.equal(true);
    }
  });

  it('the same body to a method without its own limit → HTTP 413, before anything runs', async () => {
    const data = client.buildData('probe.echo', { text: 'x'.repeat(20 * 1024) });
    const response = await post(new URLSearchParams({ data, sign: 'whatever' }).toString());
    expect(response.status).to.equal(413);
    expect(await response.json()).to.deep.equal({ code: 413, msg: 'request body too large' });
    // A wrong signature or an unknown appid does not turn a large body into another answer either.
    for (const appid of ['no-such-appid', client.appid]) {
      const other = JSON.stringify({ method: 'probe.nothing', v: '1.0.0', appid, timestamp: '1', pad: 'x'.repeat(8000) });
      expect((await post(new URLSearchParams({ data: other, sign: 'x' }).toString())).status).to.equal(413);
    }
  });

  it('a large body naming no method of ours in any way → 413: no method, a bad version, no appid, a too long appid', async () => {
    const pad = 'x'.repeat(8000);
    const base = { method: 'probe.upload64', v: '1.0.0', appid: client.appid, timestamp: '1', pad };
    const variants = [
      { ...base, method: undefined },
      { ...base, method: 7 },
      { ...base, v: '1.0' },
      { ...base, appid: '' },
      { ...base, appid: `${client.appid}${'z'.repeat(33)}` },
      { ...base, method: 'probe.echo' },
    ];
    for (const data of [...variants.map((v) => JSON.stringify(v)), JSON.stringify([pad]), `"${pad}"`]) {
      const response = await post(new URLSearchParams({ data, sign: 'x' }).toString());
      expect(response.status, data.slice(0, 80)).to.equal(413);
    }
    // One byte over the default limit is over it; the declaring method still takes it.
    const exact = await client.call('probe.upload64', { base64: pngBase64(DEFAULT_LIMIT) });
    expect(exact.code, exact.msg).to.equal(200);
  });

  it('an undecodable body above the default limit → 413, not 504', async () => {
    const response = await post(`data=${'%7B'.repeat(3000)}`);
    expect(response.status).to.equal(413);
  });

  it('above the method\'s own limit → 413 (the transport reads no further than the largest limit)', async () => {
    const answer = await client.call('probe.upload64', { base64: pngBase64(60 * 1024) });
    expect(answer).to.deep.equal({ code: 413, msg: 'request body too large' });
  });

  it('inside the body limit, the method\'s own file limit still holds (503 naming it)', async () => {
    const answer = await client.call('probe.upload64', { base64: pngBase64(40 * 1024) });
    expect(answer.code).to.equal(503);
    expect(answer.msg).to.equal('the file is too large (at most 32 KB)');
  });

  it('small calls are untouched', async () => {
    const answer = await client.call<{ text: string }>('probe.echo', { text: 'hi' });
    expect(answer.code).to.equal(200);
  });

  it('the registry refuses a limit that is not a whole number of bytes from 1 KiB to 16 MiB', () => {
    for (const bodyLimitBytes of [10, 1.5 * 1024 * 1024 + 0.5, 64 * 1024 * 1024]) {
      const method = defineMethod({ name: 'probe.big', namespaces: ['app'], since: '1.0.0', user: 'none', writes: false, summary: 's', bodyLimitBytes, schema: Joi.object({}), handler: async () => ({}) });
      expect(() => new MethodRegistry().register(method)).to.throw(/bodyLimitBytes must be a whole number from 1024 to 16777216/);
    }
    const registry = new MethodRegistry();
    registry.register(base64UploadProbe);
    expect(registry.largestBodyLimitBytes()).to.equal(64 * 1024);
  });
});
