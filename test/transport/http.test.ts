import http from 'node:http';
import net from 'node:net';
import { expect } from 'chai';
import { signData } from '../../app/protocol/signature';
import { MAX_MULTIPART_FIELDS } from '../../app/transport/http';
import { startTestServer, type TestClient, type TestServer } from '../helpers/harness';
import { logCapture } from '../helpers/logs';
import { probeMethods } from '../helpers/probes';

describe('transport: HTTP around the protocol', () => {
  let server: TestServer;
  let client: TestClient;
  const captured = logCapture();

  before(async () => {
    server = await startTestServer({ http: { bodyLimitBytes: 4096 } }, { extraMethods: probeMethods, logger: captured.logger });
    client = await server.client('app');
  });
  after(() => server.stop());

  it('GET / → 405 with Allow: POST; so do PUT and DELETE', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await fetch(`${server.url}/`, { method });
      expect(response.status, method).to.equal(405);
      expect(response.headers.get('allow')).to.equal('POST');
    }
  });

  it('an unknown path → 404, and POST to it too', async () => {
    expect((await fetch(`${server.url}/api`)).status).to.equal(404);
    expect((await fetch(`${server.url}/index.php`, { method: 'POST', body: 'data=x' })).status).to.equal(404);
  });

  it('a body over the limit → 413', async () => {
    const data = JSON.stringify({ method: 'probe.echo', v: '1.0.0', appid: client.appid, timestamp: '1', text: 'x'.repeat(5000) });
    const response = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ data, sign: 'x' }).toString(),
    });
    expect(response.status).to.equal(413);
    expect(await response.json()).to.deep.equal({ code: 413, msg: 'request body too large' });
  });

  it('a streamed body (no Content-Length) is cut off at the limit too → 413', async () => {
    const url = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request({ host: url.hostname, port: url.port, path: '/', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      for (let i = 0; i < 10; i++) request.write(`data=${'x'.repeat(1000)}&`);
      request.end();
    });
    expect(status).to.equal(413);
  });

  it('every answer is JSON with an X-Request-Id; a sane incoming one is kept', async () => {
    const data = client.buildData('probe.echo');
    const response = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-request-id': 'lb-trace-0001' },
      body: new URLSearchParams({ data, sign: signData(data, client.secret) }).toString(),
    });
    expect(response.headers.get('content-type')).to.equal('application/json; charset=utf-8');
    expect(response.headers.get('x-request-id')).to.equal('lb-trace-0001');
    const hostile = await fetch(`${server.url}/`, { method: 'POST', headers: { 'x-request-id': 'bad id\twith "junk"' } });
    expect(hostile.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('a multipart call is verified like a form call', async () => {
    const answer = await client.call('probe.echo', { text: '多部分' }, { files: [{ field: 'other', name: 'a.txt', type: 'text/plain', bytes: new TextEncoder().encode('x') }] });
    expect(answer.code).to.equal(200);
    expect(answer.data).to.include({ text: '多部分' });
  });

  it(`a multipart call with many other fields is verified, the others ignored (protocol §1; ${MAX_MULTIPART_FIELDS} parts at most)`, async () => {
    const data = client.buildData('probe.echo', { text: 'fields' });
    const form = new FormData();
    form.append('data', data);
    form.append('sign', signData(data, client.secret));
    for (let i = 0; i < 50; i++) form.append(`extra_${i}`, String(i));
    const answer = (await (await fetch(`${server.url}/`, { method: 'POST', body: form })).json()) as { code: number; data: { text: string } };
    expect(answer.code).to.equal(200);
    expect(answer.data.text).to.equal('fields');
  });

  it("headers over Node's limit → 431 with a JSON body like every other refusal", async () => {
    // A raw socket: what reaches the wire is exactly this, whatever agent or interceptor the suite installs.
    const { hostname, port } = new URL(server.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write(`POST / HTTP/1.1\r\nHost: ${hostname}\r\nX-Padding: ${'a'.repeat(32 * 1024)}\r\nContent-Length: 0\r\n\r\n`);
      });
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    const answer = { status: Number(head.split(' ')[1]), type: /^content-type: (.*)$/im.exec(head)?.[1], body };
    expect(answer.status).to.equal(431);
    expect(answer.type).to.equal('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).to.deep.equal({ code: 431, msg: 'request headers too large' });
  });

  it('a JSON body {data, sign} is accepted; data must still be the signed string', async () => {
    expect((await client.call('probe.echo', { text: 'json' }, { json: true })).data).to.include({ text: 'json' });
    const response = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { method: 'probe.echo' }, sign: 'x' }),
    });
    expect(((await response.json()) as { code: number }).code).to.equal(504);
    // The body is parsed before any signature is checked, so its nesting is bounded like data's.
    const data = client.buildData('probe.echo');
    const deep = `{"data":${JSON.stringify(data)},"sign":"${signData(data, client.secret)}","x":${'['.repeat(1_500)}${']'.repeat(1_500)}}`;
    const refused = await fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    expect(((await refused.json()) as { code: number }).code).to.equal(504);
    const broken = await fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"data":' });
    expect(broken.status).to.equal(200);
    expect(((await broken.json()) as { code: number }).code).to.equal(504);
  });

  it('an unexpected fault → 500 with the request id, nothing internal; logged once with the stack, secrets masked', async () => {
    captured.lines.length = 0;
    const answer = await client.call('probe.crash', { password: 'hunter2', mobile: '13800138000' });
    expect(answer.code).to.equal(500);
    expect(answer.msg).to.match(/^server error \(request [0-9a-f-]{36}\)$/);
    expect(JSON.stringify(answer)).not.to.match(/ECONNREFUSED|hunter2|10\.1\.2\.3|db\.ts/);
    const errors = captured.lines.filter((l) => l.level === 50);
    expect(errors).to.have.length(1);
    const line = errors[0] as { req_id: string; method: string; code: number; err: { stack: string }; params: Record<string, string> };
    expect(answer.msg).to.contain(line.req_id);
    expect(line).to.include({ method: 'probe.crash', code: 500 });
    expect(line.err.stack).to.contain('ECONNREFUSED');
    // The parameters are there to debug with, their sensitive values masked.
    expect(line.params).to.include({ method: 'probe.crash', appid: client.appid, password: '***', mobile: '13***00' });
    expect(JSON.stringify(captured.lines)).not.to.contain('13800138000');
  });

  it('one log line per call with request id, appid, method, code, duration', async () => {
    captured.lines.length = 0;
    await client.call('probe.refuse');
    expect(captured.lines).to.have.length(1);
    expect(captured.lines[0]).to.include({ appid: client.appid, method: 'probe.refuse', code: 503, msg: 'call' });
    expect(captured.lines[0].ms).to.be.a('number');
    expect(captured.lines[0].req_id).to.be.a('string');
  });

  it('GET /health reports the database and the KV store', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.include({ code: 200, msg: 'ok' });
  });

  it('GET /health says so when the database is down', async () => {
    const broken = await startTestServer();
    try {
      await broken.app.db.destroy();
      const response = await fetch(`${broken.url}/health`);
      expect(response.status).to.equal(200);
      const body = (await response.json()) as { code: number; data: { db: string; kv: string } };
      expect(body.code).to.equal(500);
      expect(body.data).to.include({ db: 'down', kv: 'up' });
    } finally {
      await broken.stop().catch(() => undefined);
    }
  });
});

describe('transport: client IP behind trusted proxies', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startTestServer({ http: { trustProxyHops: 1 } }, { extraMethods: probeMethods });
    client = await server.client('app');
  });
  after(() => server.stop());

  it('with one trusted hop, the address our proxy saw is the client; what the client wrote before it is not', async () => {
    const headers = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' };
    expect((await client.call('probe.echo', {}, { headers })).data).to.include({ ip: '203.0.113.9' });
  });

  it('without the header the socket address is the client', async () => {
    expect((await client.call('probe.echo')).data).to.include({ ip: '127.0.0.1' });
  });
});
