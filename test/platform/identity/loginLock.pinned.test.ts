import { expect } from 'chai';
import { ApiError, Code } from '../../../app/core/errors';
import { formatTime } from '../../../app/core/time';
import { attemptsBusyError, loginLockService, MAX_WRONG_PASSWORDS } from '../../../app/platform/identity/loginLock';
import { rejectionOf } from '../../helpers/errors';
import { startTestServer, usingRedis, type TestServer } from '../../helpers/harness';

const DAY = 24 * 3600 * 1000;

/** What mutation testing found unpinned in the lockout (issue 9, finding 17): windows, reservations, key lives, texts. */
describe('LoginLockService: rules pinned down', () => {
  let server: TestServer;
  let n = 0;
  const account = () => `user:pinned-${++n}`;
  const lock = () => server.app.use(loginLockService);

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('the lock answers 607 with the unlock time in the seed\'s words, and holds until exactly its deadline', async () => {
    const a = account();
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(a);
    const until = (await lock().recordFailure(a))!;
    expect(until).to.equal(server.clock.now() + DAY);
    const err = await rejectionOf(lock().assertUnlocked(a));
    expect(err).to.be.instanceOf(ApiError);
    expect((err as ApiError).code).to.equal(Code.LOGIN_LOCKED);
    expect((err as ApiError).message).to.equal(`密码错误${MAX_WRONG_PASSWORDS}次，密码登录已冻结，解禁时间：${formatTime(Math.ceil(until / 1000))}`);
    server.clock.advance(DAY - 1);
    expect(await lock().lockedUntil(a)).to.equal(until);
    server.clock.advance(1);
    expect(await lock().lockedUntil(a)).to.equal(null);
    await lock().assertUnlocked(a);
  });

  it('the 24-hour window of wrong passwords starts at the first one and ends exactly 24 h later', async () => {
    const a = account();
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(a);
    server.clock.advance(DAY - 1);
    // Still inside the window: the fifth one locks.
    expect(await lock().recordFailure(a)).not.to.equal(null);

    const b = account();
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(b);
    server.clock.advance(DAY);
    // The window passed: the count starts afresh, a later burst needs all five again.
    expect(await lock().recordFailure(b)).to.equal(null);
    for (let i = 2; i < MAX_WRONG_PASSWORDS; i++) expect(await lock().recordFailure(b)).to.equal(null);
    expect(await lock().recordFailure(b)).not.to.equal(null);
  });

  it('a reservation counts against the limit while in flight: with four wrong, a second one waits with a plain 503', async () => {
    const a = account();
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(a);
    await lock().beginAttempt(a);
    const err = await rejectionOf(lock().beginAttempt(a));
    expect((err as ApiError).code).to.equal(Code.BUSINESS);
    expect((err as ApiError).message).to.equal(attemptsBusyError().message);
    expect(attemptsBusyError().message).to.equal('登录尝试过于频繁，请稍后再试');
    // Giving the reservation back (the hash never ran) lets the next one in; nothing was counted.
    await lock().abandonAttempt(a);
    await lock().beginAttempt(a);
    await lock().attemptSucceeded(a);
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) expect(await lock().recordFailure(a)).to.equal(null);
  });

  it('a reservation left by a crashed process lapses after five minutes; releasing below zero starts afresh', async () => {
    const a = account();
    for (let i = 0; i < MAX_WRONG_PASSWORDS; i++) await lock().beginAttempt(a);
    expect((await rejectionOf(lock().beginAttempt(a)) as ApiError).code).to.equal(Code.BUSINESS);
    const ttl = await server.app.kv.ttl(`pwd-pending:${a}`);
    if (usingRedis()) {
      // Redis lets a key lapse in real time only: the life is what can be checked here.
      expect(ttl).to.be.within(5 * 60 * 1000 - 5000, 5 * 60 * 1000);
      return;
    }
    expect(ttl).to.equal(5 * 60 * 1000);
    server.clock.advance(5 * 60 * 1000 + 1);
    await lock().beginAttempt(a);
    // More releases than reservations (the key lapsed meanwhile) must not leave a negative credit behind.
    for (let i = 0; i < 3; i++) await lock().abandonAttempt(a);
    for (let i = 0; i < MAX_WRONG_PASSWORDS; i++) await lock().beginAttempt(a);
    expect((await rejectionOf(lock().beginAttempt(a)) as ApiError).code).to.equal(Code.BUSINESS);
  });

  it('every key it writes has a bounded life in the store', async () => {
    const a = account();
    await lock().beginAttempt(a);
    await lock().attemptFailed(a);
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(a);
    for (const key of [`pwd-lock:${a}`, `pwd-pending:${a}`]) {
      const ttl = await server.app.kv.ttl(key);
      if (ttl !== -2) expect(ttl, key).to.be.within(1, DAY);
    }
    const b = account();
    await lock().recordFailure(b);
    for (const key of [`pwd-fail:${b}`, `pwd-fail-since:${b}`]) expect(await server.app.kv.ttl(key), key).to.be.within(1, DAY);
  });

  it('failures while locked lock again without moving the deadline', async () => {
    const a = account();
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(a);
    const first = (await lock().recordFailure(a))!;
    server.clock.advance(3600 * 1000);
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(a);
    expect(await lock().recordFailure(a)).to.equal(first);
    expect(await lock().lockedUntil(a)).to.equal(first);
  });

  it('parallel failures that both lock keep the earlier deadline', async () => {
    const a = account();
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(a);
    const [x, y] = await Promise.all([lock().recordFailure(a), lock().recordFailure(a)]);
    expect(x).to.equal(y);
    expect(await lock().lockedUntil(a)).to.equal(x);
  });
});
