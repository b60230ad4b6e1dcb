import { expect } from 'chai';
import { ApiError, Code } from '../../../app/core/errors';
import { loginLockService, MAX_WRONG_PASSWORDS } from '../../../app/platform/identity/loginLock';
import { rejectionOf } from '../../helpers/errors';
import { startTestServer, type TestServer } from '../../helpers/harness';

const HOUR = 3600 * 1000;

describe('LoginLockService', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  const lock = () => server.app.use(loginLockService);

  it(`locks on the ${MAX_WRONG_PASSWORDS}th failure within 24 h, for 24 h by the app clock`, async () => {
    const mobile = '13700000001';
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) expect(await lock().recordFailure(mobile)).to.equal(null);
    expect(await lock().lockedUntil(mobile)).to.equal(null);
    const until = await lock().recordFailure(mobile);
    expect(until).to.be.closeTo(server.clock.now() + 24 * HOUR, 1000);
    expect(await lock().lockedUntil(mobile)).to.equal(until);
    server.clock.advance(24 * HOUR - 60_000);
    expect(await lock().lockedUntil(mobile)).to.equal(until);
    server.clock.advance(61_000);
    expect(await lock().lockedUntil(mobile)).to.equal(null);
    // the count started again from zero
    expect(await lock().recordFailure(mobile)).to.equal(null);
  });

  it('forgets failures older than the 24-hour window', async () => {
    const mobile = '13700000002';
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(mobile);
    server.clock.advance(24 * HOUR + 1000);
    expect(await lock().recordFailure(mobile)).to.equal(null);
  });

  it('clear() lifts a lock and resets the count', async () => {
    const mobile = '13700000003';
    for (let i = 0; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(mobile);
    expect(await lock().lockedUntil(mobile)).not.to.equal(null);
    await lock().clear(mobile);
    expect(await lock().lockedUntil(mobile)).to.equal(null);
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) expect(await lock().recordFailure(mobile)).to.equal(null);
  });

  it('parallel failures cannot slip past the limit', async () => {
    const mobile = '13700000004';
    const results = await Promise.all(Array.from({ length: 12 }, () => lock().recordFailure(mobile)));
    expect(results.filter((r) => r !== null).length).to.be.greaterThan(0);
    expect(await lock().lockedUntil(mobile)).not.to.equal(null);
  });

  it('a burst of parallel attempts gets at most five comparisons; a right password racing them does not lift the lock', async () => {
    const mobile = '13700000005';
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, async (_, i) => {
        await lock().beginAttempt(mobile);
        if (i === 10) return lock().attemptSucceeded(mobile);
        const until = await lock().attemptFailed(mobile);
        return until === null ? 'wrong' : 'locked';
      }),
    );
    const judged = outcomes.filter((o) => o.status === 'fulfilled');
    expect(judged.length).to.be.at.most(MAX_WRONG_PASSWORDS);
    expect(await lock().lockedUntil(mobile)).not.to.equal(null);
  });

  it('parallel right passwords give their reservations back: none is refused with 607 and nothing locks (finding 8)', async () => {
    const account = 'user:finding-8';
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, async () => {
        await lock().beginAttempt(account);
        await lock().attemptSucceeded(account);
      }),
    );
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as ApiError] : []));
    expect(refusals.map((e) => e.code)).not.to.include(Code.LOGIN_LOCKED);
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).to.be.at.least(MAX_WRONG_PASSWORDS);
    expect(await lock().lockedUntil(account)).to.equal(null);
    // Nothing is left reserved: five wrong ones in a row are still allowed before the lock.
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) {
      await lock().beginAttempt(account);
      expect(await lock().attemptFailed(account)).to.equal(null);
    }
    await lock().beginAttempt(account);
    expect(await lock().attemptFailed(account)).not.to.equal(null);
  });

  it('while comparisons are in flight, one more than the limit allows is refused with a plain 503, not a lock', async () => {
    const account = 'user:in-flight';
    for (let i = 0; i < MAX_WRONG_PASSWORDS; i++) await lock().beginAttempt(account);
    const refused = await rejectionOf(lock().beginAttempt(account));
    expect(refused).to.include({ code: Code.BUSINESS });
    expect(await lock().lockedUntil(account)).to.equal(null);
    await lock().attemptSucceeded(account);
    await lock().beginAttempt(account); // a slot came back
  });

  it('two accounts\' windows and locks are kept apart', async () => {
    const [a, b] = ['13700000006', '13700000007'];
    for (let i = 0; i < MAX_WRONG_PASSWORDS; i++) await lock().recordFailure(a);
    expect(await lock().lockedUntil(a)).not.to.equal(null);
    expect(await lock().lockedUntil(b)).to.equal(null);
    for (let i = 1; i < MAX_WRONG_PASSWORDS; i++) expect(await lock().recordFailure(b)).to.equal(null);
    await lock().clear(a);
    expect(await lock().recordFailure(b)).not.to.equal(null);
  });
});
