import { expect } from 'chai';
import crypto from 'node:crypto';
import { ApiError, Code } from '../../../app/core/errors';
import { sessionService } from '../../../app/platform/sessions/sessions';
import { userDirectory } from '../../../app/platform/identity/users';
import { rejectionOf } from '../../helpers/errors';
import { startTestServer, usingRedis, type TestServer } from '../../helpers/harness';
import { createTestUser } from '../../helpers/users';

const DAY = 24 * 3600 * 1000;
const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** What mutation testing found unpinned in the session service (issue 9, finding 17): key lives, exact refusals, edges. */
describe('SessionService: rules pinned down', () => {
  let server: TestServer;
  const sessions = () => server.app.use(sessionService);
  // Redis counts a key's life down in real time; the in-process store by the manual clock, exactly.
  const expectTtl = async (key: string, ms: number) => {
    const ttl = await server.app.kv.ttl(key);
    if (usingRedis()) expect(ttl, key).to.be.within(ms - 5000, ms);
    else expect(ttl, key).to.equal(ms);
  };
  const refusal = async (token: string, apiType: 'app' | 'show' = 'app') => {
    const err = (await rejectionOf(sessions().resolve(token, 'required', apiType))) as ApiError;
    return { code: err.code, msg: err.message };
  };

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('the refusals say what happened, in the same words everywhere', async () => {
    expect(await refusal('')).to.deep.equal({ code: Code.NOT_LOGGED_IN, msg: 'not logged in' });
    expect(await refusal('f'.repeat(48))).to.deep.equal({ code: Code.LOGIN_TIMEOUT, msg: 'login timed out, please log in again' });
    const user = await createTestUser(server);
    expect(await refusal(user.token, 'show')).to.deep.equal({ code: Code.LOGIN_TIMEOUT, msg: 'login timed out, please log in again' });
    await sessions().issue(user.id, 1, 'app');
    expect(await refusal(user.token)).to.deep.equal({ code: Code.LOGGED_IN_ELSEWHERE, msg: 'your account has logged in on another device' });
    const other = await createTestUser(server);
    await sessions().passwordChanged(other.id);
    expect(await refusal(other.token)).to.deep.equal({ code: Code.PASSWORD_CHANGED, msg: 'your password has been changed, please log in again' });
    const gone = await createTestUser(server);
    await server.app.use(userDirectory).setStatus(gone.id, 0);
    expect(await refusal(gone.token)).to.deep.equal({ code: Code.LOGIN_TIMEOUT, msg: 'the account is not available, please log in again' });
  });

  it('optional never refuses; none never looks', async () => {
    expect(await sessions().resolve('', 'optional', 'app')).to.equal(null);
    expect(await sessions().resolve('f'.repeat(48), 'optional', 'app')).to.equal(null);
    expect(await sessions().resolve('f'.repeat(48), 'none', 'app')).to.equal(null);
    expect(await sessions().resolve('', 'none', 'app')).to.equal(null);
  });

  it('two users of the app product are logged in at once: their "current token" keys never meet', async () => {
    const a = await createTestUser(server);
    const b = await createTestUser(server);
    expect((await sessions().resolve(a.token, 'required', 'app'))!.userId).to.equal(a.id);
    expect((await sessions().resolve(b.token, 'required', 'app'))!.userId).to.equal(b.id);
    // The app product keeps its pre-product key, so sessions issued before the upgrade stay valid.
    expect(await server.app.kv.get(`sess-cur:${a.id}:app`)).to.equal(hashOf(a.token));
    const show = await sessions().issue(a.id, 1, 'show');
    expect(await server.app.kv.get(`sess-cur:show:${a.id}:app`)).to.equal(hashOf(show));
  });

  it('a token lives exactly its TTL: the record and the current key expire with it', async () => {
    const user = await createTestUser(server, { platform: 3 });
    const hash = hashOf(user.token);
    await expectTtl(`sess:${hash}`, 30 * 60 * 1000);
    await expectTtl(`sess-cur:${user.id}:web`, 30 * 60 * 1000);
    server.clock.advance(30 * 60 * 1000 - 1);
    // Sliding: used with a minute left, it is written again for the whole TTL.
    expect((await sessions().resolve(user.token, 'required', 'app'))!.userId).to.equal(user.id);
    await expectTtl(`sess:${hash}`, 30 * 60 * 1000);
    await expectTtl(`sess-cur:${user.id}:web`, 30 * 60 * 1000);
    server.clock.advance(30 * 60 * 1000);
    expect((await refusal(user.token)).code).to.equal(Code.LOGIN_TIMEOUT);
  });

  it('an app session slides only when a minute of its 30 days has gone', async () => {
    const user = await createTestUser(server, { platform: 1 });
    const hash = hashOf(user.token);
    server.clock.advance(60_000);
    await sessions().resolve(user.token, 'required', 'app');
    await expectTtl(`sess:${hash}`, 30 * DAY);
    server.clock.advance(30 * DAY - 1);
    expect((await sessions().resolve(user.token, 'required', 'app'))!.userId).to.equal(user.id);
  });

  it('a record from before products (no api type) is an app session: it resolves, slides, ends, and a replaced one answers 603', async () => {
    const user = await createTestUser(server, { platform: 3 });
    const legacyToken = 'a1'.repeat(24);
    const hash = hashOf(legacyToken);
    const now = server.clock.now();
    // As the pre-product server wrote it: no `ns`, the app's current-token key, an expiry inside the value.
    const record = { uid: user.id, cls: 'web', iat: now, gen: 0, exp: now + 30 * 60 * 1000 - 1000 };
    await server.app.kv.set(`sess:${hash}`, JSON.stringify(record), { ttlMs: 3600 * 1000 });
    await server.app.kv.set(`sess-cur:${user.id}:web`, hash, { ttlMs: 3600 * 1000 });
    expect((await sessions().resolve(legacyToken, 'required', 'app'))!.userId).to.equal(user.id);
    expect((await refusal(legacyToken, 'show')).code).to.equal(Code.LOGIN_TIMEOUT);
    // The expiry in the value decides, whatever the key's own TTL: at exactly exp it is over.
    server.clock.advance(30 * 60 * 1000 - 1000);
    expect((await refusal(legacyToken)).code).to.equal(Code.LOGIN_TIMEOUT);

    const live = { ...record, exp: server.clock.now() + 30 * 60 * 1000 - 61_000 };
    await server.app.kv.set(`sess:${hash}`, JSON.stringify(live), { ttlMs: 3600 * 1000 });
    const session = (await sessions().resolve(legacyToken, 'required', 'app'))!;
    await expectTtl(`sess-cur:${user.id}:web`, 30 * 60 * 1000);
    await sessions().end(session);
    expect(await server.app.kv.get(`sess-cur:${user.id}:web`)).to.equal(null);

    // A pre-product token replaced by a newer login still holds its full record: the current key says 603.
    await server.app.kv.set(`sess:${hash}`, JSON.stringify(live), { ttlMs: 3600 * 1000 });
    await sessions().issue(user.id, 3, 'app');
    await server.app.kv.set(`sess:${hash}`, JSON.stringify(live), { ttlMs: 3600 * 1000 });
    expect(await refusal(legacyToken)).to.deep.equal({ code: Code.LOGGED_IN_ELSEWHERE, msg: 'your account has logged in on another device' });
  });

  it('logout ends the token and frees its slot; a second logout and a stranger\'s token change nothing', async () => {
    const user = await createTestUser(server);
    const session = (await sessions().resolve(user.token, 'required', 'app'))!;
    await sessions().end(session);
    expect(await server.app.kv.get(`sess-cur:${user.id}:app`)).to.equal(null);
    await sessions().end(session);
    const newer = await sessions().issue(user.id, 1, 'app');
    // Ending an old, replaced token must not end the newer one.
    await sessions().end(session);
    expect((await sessions().resolve(newer, 'required', 'app'))!.userId).to.equal(user.id);
  });

  it('a password change keeps the caller\'s own session for the rest of its life, no longer', async () => {
    const user = await createTestUser(server, { platform: 3 });
    const session = (await sessions().resolve(user.token, 'required', 'app'))!;
    server.clock.advance(10 * 60 * 1000);
    await sessions().passwordChanged(user.id, session);
    const ttl = await server.app.kv.ttl(`sess:${session.tokenHash}`);
    expect(ttl).to.be.within(20 * 60 * 1000 - 1000, 20 * 60 * 1000);
    expect((await sessions().resolve(user.token, 'required', 'app'))!.userId).to.equal(user.id);
    // Keeping a session that has already gone is a no-op, not an error.
    await sessions().end(session);
    await sessions().passwordChanged(user.id, session);
    expect(await server.app.kv.get(`sess:${session.tokenHash}`)).to.equal(null);
  });
});
