import { expect } from 'chai';
import { userDirectory } from '../../../app/platform/identity/users';
import { refreshTokenService } from '../../../app/platform/sessions/refreshTokens';
import { sessionService, tokenHashOf } from '../../../app/platform/sessions/sessions';
import { startTestServer, type TestServer } from '../../helpers/harness';
import { rejectionOf } from '../../helpers/errors';
import { uniqueMobile } from '../../helpers/users';

const LIFETIMES = { accessTtlMs: 7 * 24 * 3600 * 1000, refreshTtlMs: 30 * 24 * 3600 * 1000 };

describe('platform: refresh tokens (single use, rotated, reuse revokes the login)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  const tokens = () => server.app.use(refreshTokenService);
  const check = (token: string) => server.app.use(sessionService).resolve(token, 'required', 'account');
  const newUser = async () => (await server.app.use(userDirectory).create({ mobile: uniqueMobile() })).id;

  it('a pair: the access token is a session of its product with a fixed life; the refresh token is stored only hashed', async () => {
    const uid = await newUser();
    const pair = await tokens().issuePair(uid, 2, 'account', LIFETIMES);
    expect(pair.accessToken).to.match(/^[0-9a-f]{48}$/);
    expect(pair.refreshToken).to.match(/^[0-9a-f]{48}$/);
    expect(pair.accessExpiresAt - server.clock.now()).to.equal(LIFETIMES.accessTtlMs);
    expect((await check(pair.accessToken))!.userId).to.equal(uid);
    expect(await server.app.kv.get(`rt:${pair.refreshToken}`)).to.equal(null);
    expect(await server.app.kv.get(`rt:${tokenHashOf(pair.refreshToken)}`)).to.be.a('string');
    expect((await rejectionOf(server.app.use(sessionService).resolve(pair.accessToken, 'required', 'show'))).code).to.equal(601);
    // Fixed: used on day 6 it still ends on day 7.
    server.clock.advance(6 * 24 * 3600 * 1000);
    await check(pair.accessToken);
    server.clock.advance(24 * 3600 * 1000);
    expect((await rejectionOf(check(pair.accessToken))).code).to.equal(601);
  });

  it('rotation answers a new pair of the same login; the old access and refresh tokens are dead', async () => {
    const uid = await newUser();
    const first = await tokens().issuePair(uid, 2, 'account', LIFETIMES);
    const second = await tokens().rotate(first.refreshToken, 'account', LIFETIMES);
    expect(second.sessionId).to.equal(first.sessionId);
    expect(second.refreshToken).not.to.equal(first.refreshToken);
    expect((await check(second.accessToken))!.userId).to.equal(uid);
    expect((await rejectionOf(check(first.accessToken))).code).to.equal(601);
    expect(await tokens().sessionIdOf({ tokenHash: tokenHashOf(second.accessToken) })).to.equal(first.sessionId);
  });

  it('a refresh token used twice revokes the whole login, also the pair its first use made', async () => {
    const uid = await newUser();
    const first = await tokens().issuePair(uid, 2, 'account', LIFETIMES);
    const second = await tokens().rotate(first.refreshToken, 'account', LIFETIMES);
    expect((await rejectionOf(tokens().rotate(first.refreshToken, 'account', LIFETIMES))).code).to.equal(601);
    expect((await rejectionOf(check(second.accessToken))).code).to.equal(601);
    expect((await rejectionOf(tokens().rotate(second.refreshToken, 'account', LIFETIMES))).code).to.equal(601);
  });

  it('parallel uses of one refresh token: at most one pair survives, and here none (the reuse revokes it)', async () => {
    const uid = await newUser();
    const pair = await tokens().issuePair(uid, 2, 'account', LIFETIMES);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => tokens().rotate(pair.refreshToken, 'account', LIFETIMES)));
    const won = results.filter((r) => r.status === 'fulfilled') as Array<PromiseFulfilledResult<{ accessToken: string }>>;
    expect(won.length).to.be.at.most(1);
    for (const w of won) expect((await rejectionOf(check(w.value.accessToken))).code).to.equal(601);
  });

  it('unknown, foreign, expired: 601; a newer login: 603; a password change since: 606; revoke ends both', async () => {
    const uid = await newUser();
    expect((await rejectionOf(tokens().rotate('0'.repeat(48), 'account', LIFETIMES))).code).to.equal(601);
    const pair = await tokens().issuePair(uid, 2, 'account', LIFETIMES);
    expect((await rejectionOf(tokens().rotate(pair.refreshToken, 'nearby', LIFETIMES))).code).to.equal(601);
    const newer = await tokens().issuePair(uid, 1, 'account', LIFETIMES);
    expect((await rejectionOf(tokens().rotate(pair.refreshToken, 'account', LIFETIMES))).code).to.equal(603);
    await server.app.use(sessionService).passwordChanged(uid);
    expect((await rejectionOf(tokens().rotate(newer.refreshToken, 'account', LIFETIMES))).code).to.equal(606);
    const fresh = await tokens().issuePair(uid, 2, 'account', LIFETIMES);
    const session = (await check(fresh.accessToken))!;
    expect(await tokens().revoke(session)).to.equal(fresh.sessionId);
    expect((await rejectionOf(check(fresh.accessToken))).code).to.equal(601);
    expect((await rejectionOf(tokens().rotate(fresh.refreshToken, 'account', LIFETIMES))).code).to.equal(601);
    const late = await tokens().issuePair(uid, 2, 'account', LIFETIMES);
    server.clock.advance(LIFETIMES.refreshTtlMs);
    expect((await rejectionOf(tokens().rotate(late.refreshToken, 'account', LIFETIMES))).code).to.equal(601);
  });

  it('a disabled account refreshes no more', async () => {
    const uid = await newUser();
    const pair = await tokens().issuePair(uid, 2, 'account', LIFETIMES);
    await server.app.use(userDirectory).setStatus(uid, 0);
    expect((await rejectionOf(tokens().rotate(pair.refreshToken, 'account', LIFETIMES))).code).to.equal(601);
  });
});
