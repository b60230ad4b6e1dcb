import { expect } from 'chai';
import crypto from 'node:crypto';
import Joi from 'joi';
import type { ApiType } from '../../../app/core/caller';
import { userDirectory } from '../../../app/platform/identity/users';
import { sessionService } from '../../../app/platform/sessions/sessions';
import { defineMethod } from '../../../app/registry/method';
import { createMember, prepareAccounts, type Auth } from '../../helpers/accounts';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/harness';
import { createTestUser } from '../../helpers/users';

const MINUTE = 60 * 1000;
const DAY = 24 * 3600 * 1000;
const PRODUCTS = ['app', 'show', 'campus', 'account', 'nearby'] as const;

/** A probe in every product answering who the token is of (`session.whoami` needs a user, `session.maybe` may have one). */
const probe = (name: string, user: 'required' | 'optional') =>
  defineMethod({
    name,
    namespaces: [...PRODUCTS],
    since: '1.0.0',
    user,
    writes: false,
    summary: 'the caller behind the token',
    schema: Joi.object({}),
    async handler(_params, call) {
      return call.user ? { user_id: call.user.userId, product: call.user.apiType, class: call.user.clientClass } : { user_id: null };
    },
  });
const whoami = probe('session.whoami', 'required');
const maybeWho = probe('session.maybe', 'optional');

describe('sessions: one identity, a session per product', () => {
  let server: TestServer;
  const clients = {} as Record<(typeof PRODUCTS)[number], TestClient>;

  before(async () => {
    server = await startTestServer({}, { extraMethods: [whoami, maybeWho] });
    await prepareAccounts(server);
    for (const product of PRODUCTS) clients[product] = await server.client(product);
  });
  after(() => server.stop());

  const sessions = () => server.app.use(sessionService);
  const codeOf = async (product: (typeof PRODUCTS)[number], token: string) => (await clients[product].call('session.whoami', {}, { token })).code;
  const issue = (userId: number, product: ApiType, platform = 1, fixedTtlMs?: number) =>
    sessions().issue(userId, platform, product, fixedTtlMs ? { fixedTtlMs } : {});

  it('a token is valid under the api type that issued it and 601 under every other one', async () => {
    const { id } = await createTestUser(server);
    const show = await issue(id, 'show');
    const answer = await clients.show.call('session.whoami', {}, { token: show });
    expect(answer).to.deep.include({ code: 200, data: { user_id: id, product: 'show', class: 'app' } });
    for (const other of PRODUCTS.filter((p) => p !== 'show')) {
      const refused = await clients[other].call('session.whoami', {}, { token: show });
      expect(refused.code, other).to.equal(601);
      // The same refusal as for a token that never existed: nothing says it lives elsewhere.
      expect(refused.msg).to.equal((await clients[other].call('session.whoami', {}, { token: 'f'.repeat(48) })).msg);
      expect((await clients[other].call('session.maybe', {}, { token: show })).data).to.deep.equal({ user_id: null });
    }
    // An app token is no campus token either (the app namespace keeps its own keys).
    const app = await issue(id, 'app');
    expect(await codeOf('app', app)).to.equal(200);
    expect(await codeOf('campus', app)).to.equal(601);
  });

  it('one person is logged in to several products at once: every token stays valid', async () => {
    const { id } = await createTestUser(server);
    const tokens = Object.fromEntries(await Promise.all(PRODUCTS.map(async (p) => [p, await issue(id, p)] as const)));
    for (const product of PRODUCTS) expect(await codeOf(product, tokens[product]), product).to.equal(200);
  });

  it('603 is per (product, user, client class): a newer login replaces only its own product and class', async () => {
    const { id } = await createTestUser(server);
    const { id: neighbour } = await createTestUser(server);
    const showPhone = await issue(id, 'show', 1);
    const showWeb = await issue(id, 'show', 3);
    const campusPhone = await issue(id, 'campus', 2);
    const neighbourShow = await issue(neighbour, 'show', 1);
    const newerShowPhone = await issue(id, 'show', 2); // Android replaces iOS: one class
    expect(await codeOf('show', showPhone)).to.equal(603);
    expect(await codeOf('show', newerShowPhone)).to.equal(200);
    expect(await codeOf('show', showWeb)).to.equal(200);
    expect(await codeOf('campus', campusPhone)).to.equal(200);
    expect(await codeOf('show', neighbourShow)).to.equal(200);
    // Under another product the replaced token is simply unknown (601), not "logged in elsewhere".
    expect(await codeOf('campus', showPhone)).to.equal(601);
  });

  it('a replaced token leaves only a small marker that answers 603 for 7 days, then 601', async () => {
    const { id } = await createTestUser(server);
    const old = await issue(id, 'nearby');
    await issue(id, 'nearby');
    const key = `sess:${crypto.createHash('sha256').update(old).digest('hex')}`;
    expect(JSON.parse((await server.app.kv.get(key))!)).to.deep.equal({ replaced: 1, ns: 'nearby' });
    expect(await server.app.kv.ttl(key)).to.be.within(1, 7 * DAY);
    server.clock.advance(7 * DAY - MINUTE);
    expect(await codeOf('nearby', old)).to.equal(603);
    server.clock.advance(2 * MINUTE);
    if (server.app.kv.kind === 'memory') expect(await codeOf('nearby', old)).to.equal(601);
  });

  it('a password change (user.pwd.edit in app) answers 606 in every product but keeps the caller\'s own session', async () => {
    const member = await createMember(server);
    const login = await clients.app.call<Auth>('user.login', { mobile: member.mobile, login_type: 2, password: member.password });
    expect(login.code, login.msg).to.equal(200);
    const others = Object.fromEntries(await Promise.all(PRODUCTS.filter((p) => p !== 'app').map(async (p) => [p, await issue(member.id, p, 3)] as const)));
    const bystander = await createTestUser(server);
    const bystanderShow = await issue(bystander.id, 'show');
    const changed = await clients.app.call('user.pwd.edit', { old_pwd: member.password, new_pwd: 'another_456' }, { token: login.data!.token });
    expect(changed.code, changed.msg).to.equal(200);
    expect(await codeOf('app', login.data!.token)).to.equal(200);
    expect(await codeOf('app', member.token)).to.equal(606);
    for (const [product, token] of Object.entries(others)) expect(await codeOf(product as ApiType & keyof typeof clients, token), product).to.equal(606);
    // Another user's sessions are untouched.
    expect(await codeOf('app', bystander.token)).to.equal(200);
    expect(await codeOf('show', bystanderShow)).to.equal(200);
    // A login after the change works everywhere again.
    expect(await codeOf('show', await issue(member.id, 'show'))).to.equal(200);
  });

  it('one user\'s password change leaves another user\'s sessions alone', async () => {
    const [a, b] = [await createTestUser(server), await createTestUser(server)];
    await sessions().passwordChanged(a.id);
    expect(await codeOf('app', a.token)).to.equal(606);
    expect(await codeOf('app', b.token)).to.equal(200);
  });

  it('logout in one product ends that token only', async () => {
    const { id } = await createTestUser(server);
    const show = await issue(id, 'show');
    const campus = await issue(id, 'campus');
    const session = await sessions().resolve(show, 'required', 'show');
    await sessions().end(session!);
    expect(await codeOf('show', show)).to.equal(601);
    expect(await codeOf('campus', campus)).to.equal(200);
  });

  it('a disabled account loses its sessions in every product at once', async () => {
    const { id } = await createTestUser(server);
    const show = await issue(id, 'show');
    const account = await issue(id, 'account');
    await server.app.use(userDirectory).setStatus(id, 0);
    expect(await codeOf('show', show)).to.equal(601);
    expect(await codeOf('account', account)).to.equal(601);
  });

  it('a fixedTtlMs session does not slide: it ends at issue + ttl however busy it is', async () => {
    const { id } = await createTestUser(server);
    const fixed = await issue(id, 'account', 1, 7 * DAY);
    const sliding = await issue(id, 'show', 1);
    for (let day = 1; day <= 6; day++) {
      server.clock.advance(DAY);
      expect(await codeOf('account', fixed), `day ${day}`).to.equal(200);
      expect(await codeOf('show', sliding)).to.equal(200);
    }
    server.clock.advance(DAY + 1000);
    expect(await codeOf('account', fixed)).to.equal(601);
    expect(await codeOf('show', sliding)).to.equal(200);
  });

  it('app sessions slide by 30 days, written at most once a minute: a use 59 s after the last write moves nothing, 61 s does', async () => {
    const [early, late] = [await createTestUser(server), await createTestUser(server)];
    const start = server.clock.now();
    const earlyToken = await issue(early.id, 'app');
    const lateToken = await issue(late.id, 'app');
    server.clock.advance(59_000);
    expect(await codeOf('app', earlyToken)).to.equal(200); // within a minute of the write: no slide
    server.clock.advance(2_000);
    expect(await codeOf('app', lateToken)).to.equal(200); // 61 s: slides to now + 30 days
    server.clock.advance(start + 30 * DAY + 30_000 - server.clock.now());
    expect(await codeOf('app', earlyToken)).to.equal(601);
    expect(await codeOf('app', lateToken)).to.equal(200);
  });

  it('web sessions live 30 minutes from their last use', async () => {
    const { id } = await createTestUser(server);
    const web = await issue(id, 'campus', 3);
    for (let i = 0; i < 4; i++) {
      server.clock.advance(20 * MINUTE);
      expect(await codeOf('campus', web), `use ${i}`).to.equal(200);
    }
    server.clock.advance(31 * MINUTE);
    expect(await codeOf('campus', web)).to.equal(601);
  });
});
