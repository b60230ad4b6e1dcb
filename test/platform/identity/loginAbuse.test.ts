import { expect } from 'chai';
import { PasswordHasher, passwordHasher, type HashLimits, type ScryptCost } from '../../../app/platform/identity/passwords';
import { createMember, LOOSE_LIMITS, TEST_SCRYPT_N, type Auth, type Member } from '../../helpers/accounts';
import { startAccountServer } from '../../helpers/accounts';
import type { TestClient, TestServer } from '../../helpers/harness';

const MINUTE = 60_000;

/**
 * A hasher whose work waits, while `holding`, until the test lets it go: checks in flight without
 * sleeping. It holds inside the hashing queue (`hash`, to fill it) or before it (`check`).
 */
class HeldHasher extends PasswordHasher {
  holding = true;
  readonly held: Array<() => void> = [];

  constructor(cost: Partial<ScryptCost>, limits: HashLimits, private readonly at: 'hash' | 'check' = 'hash') {
    super(cost, limits);
  }

  override async verify(password: string, stored: string): Promise<boolean> {
    if (this.at === 'check') await this.hold();
    return super.verify(password, stored);
  }

  protected override async scrypt(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
    if (this.at === 'hash') await this.hold();
    return super.scrypt(password, salt, cost, length);
  }

  private async hold(): Promise<void> {
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
  }

  release(): void {
    this.holding = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

/** Lets the event loop turn until `ready()` holds (bounded): no timers, no real-time race. */
/**
 * Waits for a state the calls in flight reach by themselves (all of them parked in the held hasher). A
 * count of event-loop turns was too short on a loaded MariaDB, where each login does real I/O first: the
 * bound is time, generous, and it returns the moment the state holds.
 */
async function until(ready: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(ready(), 'condition never held').to.equal(true);
}

describe('login abuse: floods, lockout races and enumeration (issue 9, findings 4, 5, 8)', () => {
  let server: TestServer;
  let client: TestClient;
  let ipSequence = 0;
  const freshIp = () => `10.0.${Math.floor(++ipSequence / 250)}.${(ipSequence % 250) + 1}`;

  before(async () => {
    ({ server, client } = await startAccountServer({
      ...LOOSE_LIMITS,
      http: { trustProxyHops: 1 },
      login: { perAccountPerMinute: 3, perIpPerMinute: 5, hashConcurrency: 1, hashQueue: 1 },
    }));
  });
  after(() => server.stop());

  /** Runs `fn` with some settings changed (services read them on every call), then puts them back. */
  async function withSettings(changes: { login?: Partial<TestServer['config']['login']>; abuse?: Partial<TestServer['config']['abuse']> }, fn: () => Promise<void>) {
    const saved = { login: { ...server.app.config.login }, abuse: { ...server.app.config.abuse } };
    Object.assign(server.app.config.login, changes.login);
    Object.assign(server.app.config.abuse, changes.abuse);
    try {
      await fn();
    } finally {
      Object.assign(server.app.config.login, saved.login);
      Object.assign(server.app.config.abuse, saved.abuse);
    }
  }

  const login = (member: Pick<Member, 'mobile' | 'password'>, ip: string, password = member.password) =>
    client.call<Auth>('user.login', { mobile: member.mobile, login_type: 2, password }, { headers: { 'x-forwarded-for': ip } });
  const nextMinute = () => server.clock.advance(MINUTE - (server.clock.now() % MINUTE) + 1);

  describe('finding 4: correct-password logins are limited too', () => {
    it('per client IP: past the limit a right password answers 503 with the wait; other IPs and the next minute are fine', async () => {
      nextMinute();
      const ip = freshIp();
      const members = await Promise.all(Array.from({ length: 6 }, () => createMember(server)));
      for (const member of members.slice(0, 5)) expect((await login(member, ip)).code).to.equal(200);
      const refused = await login(members[5], ip);
      expect(refused.code).to.equal(503);
      expect(refused.msg).to.match(/^登录过于频繁，请\d+秒后再试$/);
      expect((await login(members[5], freshIp())).code).to.equal(200);
      nextMinute();
      expect((await login(members[5], ip)).code).to.equal(200);
    });

    it('per account: from many IPs, past the limit a right password answers 503; other accounts are fine', async () => {
      nextMinute();
      const [member, other] = [await createMember(server), await createMember(server)];
      for (let i = 0; i < 3; i++) expect((await login(member, freshIp())).code).to.equal(200);
      const refused = await login(member, freshIp());
      expect(refused.code).to.equal(503);
      expect(refused.msg).to.contain('登录过于频繁');
      expect((await login(other, freshIp())).code).to.equal(200);
      nextMinute();
      expect((await login(member, freshIp())).code).to.equal(200);
    });

    it('password hashing is capped per process: past the queue a login is refused at once with a clear 503, and nothing is locked', async () => {
      nextMinute();
      const members = await Promise.all(Array.from({ length: 3 }, () => createMember(server)));
      const held = new HeldHasher({ N: TEST_SCRYPT_N }, { concurrency: 1, queue: 1 });
      server.app.provide(passwordHasher, held);
      try {
        const first = login(members[0], freshIp());
        const second = login(members[1], freshIp());
        await until(() => held.gate.load.running === 1 && held.gate.load.waiting === 1);
        const third = await login(members[2], freshIp());
        expect(third).to.deep.equal({ code: 503, msg: 'server busy: too many password checks at once, try again in a moment' });
        held.release();
        expect((await first).code).to.equal(200);
        expect((await second).code).to.equal(200);
        // The refused check gave its lockout reservation back: the account logs in at once.
        expect((await login(members[2], freshIp())).code).to.equal(200);
      } finally {
        held.release();
        server.app.provide(passwordHasher, new PasswordHasher({ N: TEST_SCRYPT_N }));
      }
    });
  });

  it('finding 8: eight parallel right-password logins never answer 607 and leave the account unlocked', async () => {
    await withSettings({ login: { perAccountPerMinute: 0, perIpPerMinute: 0 } }, async () => {
      const member = await createMember(server);
      // All eight are in flight before any password is judged, as with the real scrypt cost.
      const held = new HeldHasher({ N: TEST_SCRYPT_N }, { concurrency: 8, queue: 32 }, 'check');
      server.app.provide(passwordHasher, held);
      try {
        const settled: unknown[] = [];
        const calls = Array.from({ length: 8 }, () => login(member, freshIp()).then((answer) => (settled.push(answer), answer)));
        await until(() => held.held.length + settled.length === 8);
        held.release();
        const answers = await Promise.all(calls);
        expect(answers.map((a) => a.code)).not.to.include(607);
        expect(answers.filter((a) => a.code === 200).length).to.be.at.least(1);
      } finally {
        held.release();
        server.app.provide(passwordHasher, new PasswordHasher({ N: TEST_SCRYPT_N }));
      }
      expect((await login(member, freshIp())).code).to.equal(200);
      // Nothing stayed reserved: it still takes five wrong ones to lock.
      for (let i = 0; i < 4; i++) expect((await login(member, freshIp(), 'not-it-1')).code).to.equal(503);
      expect((await login(member, freshIp())).code).to.equal(200);
    });
  });

  describe('finding 5: user.mobile.change does not tell who is registered', () => {
    const change = (member: Member, ip: string, params: Record<string, unknown>) =>
      client.call('user.mobile.change', params, { token: member.token, headers: { 'x-forwarded-for': ip } });

    it('a wrong password answers the same for a registered and an unregistered target', async () => {
      const [prober, target] = [await createMember(server), await createMember(server)];
      const ip = freshIp();
      const registered = await change(prober, ip, { mobile: target.mobile, code: '000000', password: 'wrong-pass' });
      const unregistered = await change(prober, ip, { mobile: '13999999999', code: '000000', password: 'wrong-pass' });
      expect(registered).to.deep.equal({ code: 503, msg: '密码不正确' });
      expect(unregistered).to.deep.equal(registered);
    });

    it('every probe counts toward the IP ban: wrong passwords, and "in use" behind a right one', async () => {
      await withSettings({ abuse: { failureThreshold: 3 } }, async () => {
        const [prober, target] = [await createMember(server), await createMember(server)];
        const ip = freshIp();
        for (let i = 0; i < 3; i++) {
          const answer = await change(prober, ip, { mobile: target.mobile, code: '000000', password: prober.password });
          expect(answer).to.deep.equal({ code: 503, msg: '该手机号已经被占用' });
        }
        expect((await change(prober, ip, { mobile: target.mobile, code: '000000', password: prober.password })).code).to.equal(510);

        const other = await createMember(server);
        const otherIp = freshIp();
        for (let i = 0; i < 3; i++) await change(other, otherIp, { mobile: target.mobile, code: '000000', password: `wrong-${i}` });
        expect((await change(other, otherIp, { mobile: target.mobile, code: '000000', password: 'wrong-9' })).code).to.equal(510);
      });
    });
  });
});
