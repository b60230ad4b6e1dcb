import { expect } from 'chai';
import { MAX_JSON_DEPTH } from '../../app/core/jsonDepth';
import { signData } from '../../app/protocol/signature';
import { appAuthService } from '../../app/platform/gateway/appAuth';
import { ipBanList } from '../../app/platform/gateway/ipBans';
import { sessionService } from '../../app/platform/sessions/sessions';
import { startTestServer, type TestClient, type TestServer } from '../helpers/harness';
import { probeMethods } from '../helpers/probes';
import { createTestUser } from '../helpers/users';

/** One test (at least) per row of protocol §3, in the table's order, all through POST /. */
describe('protocol §3: the checks in order', () => {
  let server: TestServer;
  let client: TestClient;

  const now = () => String(Math.floor(server.clock.now() / 1000));
  const fixed = (extra: Record<string, unknown> = {}) => ({ method: 'probe.echo', v: '1.0.0', appid: client.appid, timestamp: now(), ...extra });
  const post = async (fields: Record<string, string>) => {
    const response = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    expect(response.status).to.equal(200);
    return (await response.json()) as { code: number; msg: string; data?: Record<string, unknown> };
  };
  const signed = (payload: Record<string, unknown> | string, secret = client.secret) => {
    const data = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return post({ data, sign: signData(data, secret) });
  };

  before(async () => {
    server = await startTestServer({}, { extraMethods: probeMethods });
    client = await server.client('app');
  });
  after(() => server.stop());

  it('a well-formed signed call answers 200 with data', async () => {
    const answer = await signed(fixed({ text: 'hi' }));
    expect(answer).to.deep.include({ code: 200, msg: 'success' });
    expect(answer.data).to.deep.include({ impl: '1.0.0', text: 'hi' });
  });

  describe('step 1: data is a JSON object (504)', () => {
    for (const [label, fields] of [
      ['missing', { sign: 'x' }],
      ['empty', { data: '', sign: 'x' }],
      ['not JSON', { data: '{method:', sign: 'x' }],
      ['a JSON array', { data: '[1,2]', sign: 'x' }],
      ['a JSON string', { data: '"text"', sign: 'x' }],
      ['JSON null', { data: 'null', sign: 'x' }],
    ] as const) {
      it(`${label} → 504`, async () => {
        const answer = await post(fields as Record<string, string>);
        expect(answer).to.deep.equal({ code: 504, msg: 'data is not a JSON object' });
      });
    }
    it('a bracketed form field (data[x]=…) is not a string → 504', async () => {
      const response = await fetch(`${server.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'data[method]=probe.echo&sign=x',
      });
      expect(((await response.json()) as { code: number }).code).to.equal(504);
    });

    it(`nesting deeper than ${MAX_JSON_DEPTH} levels → 504 before any parse; ${MAX_JSON_DEPTH} levels, and brackets in strings, pass`, async () => {
      // `data` itself is the first level.
      const nested = (levels: number) => `${'['.repeat(levels - 1)}1${']'.repeat(levels - 1)}`;
      // The review's payload: ~1 MB of arrays nested ~500k deep (it cost ~100 ms of event loop to parse).
      const hostile = `{"method":"probe.echo","v":"1.0.0","appid":"${client.appid}","timestamp":${now()},"x":${'['.repeat(499_000)}${']'.repeat(499_000)}}`;
      const response = await fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: hostile, sign: 'x' }) });
      expect(await response.json()).to.deep.equal({ code: 504, msg: `data is not a JSON object of at most ${MAX_JSON_DEPTH} levels` });
      expect((await signed(fixed({ x: JSON.parse(nested(MAX_JSON_DEPTH + 1)) }))).code).to.equal(504);
      const fine = await signed(fixed({ text: '[[[['.repeat(20) + '\\"{{{{'.repeat(20), x: JSON.parse(nested(MAX_JSON_DEPTH)) }));
      expect(fine.code, fine.msg).to.equal(200);
    });
  });

  it('step 2: method missing or empty → 504', async () => {
    expect((await signed(fixed({ method: undefined }))).code).to.equal(504);
    const answer = await signed(fixed({ method: '' }));
    expect(answer).to.deep.equal({ code: 504, msg: 'method is missing' });
  });

  it('step 3: v missing or not X.Y.Z → 505', async () => {
    for (const v of [undefined, '', '1.0', '1.0.0.0', 'abc', 100]) {
      expect((await signed(fixed({ v }))).code, `v=${String(v)}`).to.equal(505);
    }
  });

  it('step 4: appid missing → 506', async () => {
    expect((await signed(fixed({ appid: undefined }))).code).to.equal(506);
    expect((await signed(fixed({ appid: '' }))).code).to.equal(506);
  });

  it('step 5: timestamp missing → 507', async () => {
    expect((await signed(fixed({ timestamp: undefined }))).code).to.equal(507);
    expect((await signed(fixed({ timestamp: '' }))).code).to.equal(507);
  });

  it('the checks run in order: a call failing steps 3 and 4 answers 505', async () => {
    expect((await signed(fixed({ v: 'x', appid: '' }))).code).to.equal(505);
  });

  describe('step 6: global ban list (510)', () => {
    afterEach(() => server.app.use(ipBanList).lift('127.0.0.1').then(() => server.app.use(ipBanList).lift('127.0.0.0/8')));

    it('a banned address answers 510 before its appid is even looked at', async () => {
      await server.app.use(ipBanList).ban('127.0.0.1', 60, 'test');
      expect(await signed(fixed())).to.deep.equal({ code: 510, msg: 'access denied' });
      expect((await signed(fixed({ appid: 'no_such_appid' }))).code).to.equal(510);
    });

    it('a banned CIDR block covers its addresses; an expired ban lets them in again', async () => {
      await server.app.use(ipBanList).ban('127.0.0.0/8', 60, 'test');
      expect((await signed(fixed())).code).to.equal(510);
      server.clock.advance(61_000);
      expect((await signed(fixed())).code).to.equal(200);
    });

    it('a forged X-Forwarded-For does not get around a ban (no trusted proxies by default)', async () => {
      await server.app.use(ipBanList).ban('127.0.0.1', 60, 'test');
      const data = JSON.stringify(fixed());
      const response = await fetch(`${server.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '8.8.8.8' },
        body: new URLSearchParams({ data, sign: signData(data, client.secret) }).toString(),
      });
      expect(((await response.json()) as { code: number }).code).to.equal(510);
    });
  });

  describe('step 7: appid unknown or disabled (403)', () => {
    it('unknown appid → 403', async () => {
      expect(await signed(fixed({ appid: 'nobody' }))).to.deep.equal({ code: 403, msg: 'appid not allowed' });
    });

    it('an appid spelt otherwise (case, a trailing space) → 403 on every engine, even signed with its secret', async () => {
      for (const spelling of [client.appid.toUpperCase(), `${client.appid} `, `${client.appid}\u00a0`]) {
        const data = JSON.stringify({ method: 'probe.echo', v: '1.0.0', appid: spelling, timestamp: now() });
        expect(await post({ data, sign: signData(data, client.secret) }), JSON.stringify(spelling)).to.deep.equal({ code: 403, msg: 'appid not allowed' });
      }
    });

    it('opaque keys are compared byte for byte by the database too (binary collation on MySQL)', async () => {
      const upper = client.appid.toUpperCase();
      expect(await server.app.db('api_auth').where({ appid: upper })).to.have.length(0);
      if (server.app.db.client.config.client !== 'mysql2') return;
      const rows: Array<{ TABLE_NAME: string; COLUMN_NAME: string; COLLATION_NAME: string }> = (
        await server.app.db.raw(
          "select TABLE_NAME, COLUMN_NAME, COLLATION_NAME from information_schema.COLUMNS where TABLE_SCHEMA = database() and COLUMN_NAME in ('appid', 'secret', 'prev_secret', 'open_id', 'code_hash', 'device_token', 'sha256', 'app_id', 'client_id')",
        )
      )[0];
      expect(rows.length).to.be.at.least(15);
      for (const row of rows) expect(row.COLLATION_NAME, `${row.TABLE_NAME}.${row.COLUMN_NAME}`).to.equal('utf8mb4_bin');
    });

    it('disabled appid → 403', async () => {
      const other = await server.client('app');
      await server.app.use(appAuthService).setStatus(other.appid, false);
      expect((await signed(fixed({ appid: other.appid }), other.secret)).code).to.equal(403);
    });
  });

  describe('step 8: the appid IP allow-list (508)', () => {
    it('an address outside the list → 508, inside → 200', async () => {
      const other = await server.client('app');
      const auth = server.app.use(appAuthService);
      await auth.setIpAllow(other.appid, '10.0.0.0/8, 192.168.1.7');
      expect(await other.call('probe.echo')).to.deep.equal({ code: 508, msg: 'ip not allowed' });
      await auth.setIpAllow(other.appid, '10.0.0.0/8, 127.0.0.0/8');
      expect((await other.call('probe.echo')).code).to.equal(200);
    });
  });

  describe('step 9: timestamp (503)', () => {
    it('not 10 digits → 503', async () => {
      for (const timestamp of ['123456789', '12345678901', '16e8', 'abcdefghij', 1.5]) {
        const answer = await signed(fixed({ timestamp }));
        expect(answer.code, String(timestamp)).to.equal(503);
        expect(answer.msg).to.match(/timestamp/);
      }
    });

    it('older or newer than the window → 503 with the server time; inside it, number or string → 200', async () => {
      const t = Math.floor(server.clock.now() / 1000);
      const stale = await signed(fixed({ timestamp: String(t - 601) }));
      expect(stale.code).to.equal(503);
      expect(stale.msg).to.match(/^timestamp expired \(server time \d{10}\)$/);
      expect((await signed(fixed({ timestamp: String(t + 601) }))).code).to.equal(503);
      expect((await signed(fixed({ timestamp: t - 590 }))).code).to.equal(200);
      expect((await signed(fixed({ timestamp: String(t + 590) }))).code).to.equal(200);
    });
  });

  describe('step 10: signature (503)', () => {
    it('missing or wrong sign → 503 signature error', async () => {
      const data = JSON.stringify(fixed());
      expect(await post({ data })).to.deep.equal({ code: 503, msg: 'signature error' });
      expect(await post({ data, sign: '0'.repeat(32) })).to.deep.equal({ code: 503, msg: 'signature error' });
      expect(await post({ data, sign: signData(data, 'another secret') })).to.deep.equal({ code: 503, msg: 'signature error' });
      expect((await post({ data, sign: signData(data, client.secret).slice(0, 31) })).code).to.equal(503);
    });

    it('hex case is ignored', async () => {
      const data = JSON.stringify(fixed());
      expect((await post({ data, sign: signData(data, client.secret).toLowerCase() })).code).to.equal(200);
    });

    it('the exact received string is verified: whitespace or key order changes break the signature', async () => {
      const data = JSON.stringify(fixed());
      const sign = signData(data, client.secret);
      expect((await post({ data: data.replace('{', '{ '), sign })).code).to.equal(503);
      expect((await post({ data: JSON.stringify(fixed()).replace('"v":"1.0.0",', '') + '', sign })).code).to.not.equal(200);
    });
  });

  describe('step 11: method resolution (509)', () => {
    it('an unknown method → 509', async () => {
      expect(await signed(fixed({ method: 'no.such.method' }))).to.deep.equal({ code: 509, msg: 'method does not exist' });
    });

    it("a method of another namespace → 509 (the appid's api type is the namespace)", async () => {
      const activity = await server.client('activity');
      expect((await activity.call('probe.echo')).code).to.equal(509);
    });

    it('the highest implementation at or below v answers; below the first one → 509', async () => {
      expect((await signed(fixed({ v: '1.0.0' }))).data).to.include({ impl: '1.0.0' });
      expect((await signed(fixed({ v: '1.1.9' }))).data).to.include({ impl: '1.0.0' });
      expect((await signed(fixed({ v: '1.2.0' }))).data).to.include({ impl: '1.2.0' });
      expect((await signed(fixed({ v: '9.0.0' }))).data).to.include({ impl: '1.2.0' });
      expect((await signed(fixed({ method: 'probe.new', v: '1.9.9' }))).code).to.equal(509);
      expect((await signed(fixed({ method: 'probe.new', v: '2.0.0' }))).code).to.equal(200);
    });
  });

  describe('step 12: replay guard for state-changing methods', () => {
    it('the same signed write twice → the second answers 503 duplicate request', async () => {
      const payload = fixed({ method: 'probe.write' });
      expect((await signed(payload)).code).to.equal(200);
      expect(await signed(payload)).to.deep.equal({ code: 503, msg: 'duplicate request' });
    });

    it('the same signed read twice → both answer', async () => {
      const payload = fixed({ text: 'again' });
      expect((await signed(payload)).code).to.equal(200);
      expect((await signed(payload)).code).to.equal(200);
    });

    it('the guard is per appid', async () => {
      const admin = await server.client('admin');
      const data = JSON.stringify({ method: 'probe.write', v: '1.0.0', appid: admin.appid, timestamp: now() });
      expect((await post({ data, sign: signData(data, admin.secret) })).code).to.equal(200);
      expect((await post({ data, sign: signData(data, admin.secret) })).code).to.equal(503);
    });

    it('a write is remembered for as long as its timestamp is accepted, to the last millisecond', async () => {
      const windowMs = server.config.protocol.timestampWindowSec * 1000;
      server.clock.advance(1000 - (server.clock.now() % 1000)); // on a second boundary: the worst case
      // The newest stamp accepted now stays acceptable until the server clock reads stamp + window.
      const payload = fixed({ method: 'probe.write', timestamp: String(Math.floor(server.clock.now() / 1000) + windowMs / 1000) });
      const data = JSON.stringify(payload);
      const sign = signData(data, client.secret);
      expect((await post({ data, sign })).code).to.equal(200);
      expect(await server.app.kv.ttl(`replay:${client.appid}:${sign}`)).to.be.at.least(2 * windowMs + 1000);
      server.clock.advance(2 * windowMs + 999);
      expect(await post({ data, sign })).to.deep.equal({ code: 503, msg: 'duplicate request' });
      server.clock.advance(1);
      expect((await post({ data, sign })).msg).to.match(/^timestamp expired/);
    });
  });

  describe('steps 13–16: the session', () => {
    const sessions = () => server.app.use(sessionService);

    it('13: a method that needs a user, with no token → 602', async () => {
      expect(await signed(fixed({ method: 'probe.private' }))).to.deep.equal({ code: 602, msg: 'not logged in' });
      expect((await signed(fixed({ method: 'probe.private', token: '' }))).code).to.equal(602);
    });

    it('14: an unknown or expired token → 601', async () => {
      expect((await signed(fixed({ method: 'probe.private', token: 'f'.repeat(48) }))).code).to.equal(601);
      const user = await createTestUser(server);
      const token = await sessions().issue(user.id, 3, 'app'); // web class: 30 minutes
      expect((await signed(fixed({ method: 'probe.private', token }))).data).to.deep.equal({ user_id: user.id });
      server.clock.advance(31 * 60 * 1000);
      expect((await signed(fixed({ method: 'probe.private', token }))).code).to.equal(601);
    });

    it('15: a token replaced by a newer login of the same class → 603; the other class is unaffected', async () => {
      const { id } = await createTestUser(server, { platform: 3 });
      const first = await sessions().issue(id, 1, 'app');
      const web = await sessions().issue(id, 3, 'app');
      const second = await sessions().issue(id, 2, 'app');
      expect((await signed(fixed({ method: 'probe.private', token: first }))).code).to.equal(603);
      expect((await signed(fixed({ method: 'probe.private', token: second }))).code).to.equal(200);
      expect((await signed(fixed({ method: 'probe.private', token: web }))).code).to.equal(200);
    });

    it('16: a token issued before a password change → 606', async () => {
      const { id, token } = await createTestUser(server);
      await sessions().passwordChanged(id);
      expect((await signed(fixed({ method: 'probe.private', token }))).code).to.equal(606);
      const fresh = await sessions().issue(id, 1, 'app');
      expect((await signed(fixed({ method: 'probe.private', token: fresh }))).code).to.equal(200);
    });

    it('a disabled account loses its live sessions at once → 601', async () => {
      const { id, token } = await createTestUser(server);
      expect((await signed(fixed({ method: 'probe.private', token }))).code).to.equal(200);
      await server.app.db('users').where({ id }).update({ status: 0 });
      expect((await signed(fixed({ method: 'probe.private', token }))).code).to.equal(601);
    });

    it('a method that needs no user ignores a bad token', async () => {
      expect((await signed(fixed({ token: 'garbage' }))).code).to.equal(200);
    });
  });

  it('step 17: a business parameter failing its schema → 503 naming it; strings convert; unknown ones are ignored', async () => {
    const missing = await signed(fixed({ method: 'probe.typed' }));
    expect(missing).to.deep.equal({ code: 503, msg: '"count" is required' });
    const wrongType = await signed(fixed({ method: 'probe.typed', count: 'many' }));
    expect(wrongType.code).to.equal(503);
    expect(wrongType.msg).to.contain('"count"');
    const tooLong = await signed(fixed({ method: 'probe.typed', count: 1, name: 'abcdefg' }));
    expect(tooLong.msg).to.contain('"name"');
    const ok = await signed(fixed({ method: 'probe.typed', count: '3', future_param: { any: 'thing' } }));
    expect(ok).to.deep.equal({ code: 200, msg: 'success', data: { count: 3 } });
  });

  it('step 18: a business rule refusing → 503 with its message', async () => {
    expect(await signed(fixed({ method: 'probe.refuse' }))).to.deep.equal({ code: 503, msg: 'the probe refuses politely' });
  });
});
