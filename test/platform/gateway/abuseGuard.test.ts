import { expect } from 'chai';
import { AppContext } from '../../../app/context';
import { unixSeconds } from '../../../app/core/clock';
import { ApiClient } from '../../../app/sdk/client';
import { abuseGuard } from '../../../app/platform/gateway/abuseGuard';
import type { TestClient, TestServer } from '../../helpers/harness';
import { startSmsTestServer } from '../../helpers/sms';
import { createTestUser, uniqueMobile } from '../../helpers/users';

describe('AbuseGuard', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startSmsTestServer({ abuse: { failureThreshold: 3, windowSec: 600, banSec: 1800 } });
    client = await server.client('app');
  });
  after(() => server.stop());

  it('counts per IP: failures from one address never ban another', async () => {
    const guard = server.app.use(abuseGuard);
    await guard.recordFailure('10.9.0.1', 'login');
    await guard.recordFailure('10.9.0.2', 'register');
    await guard.recordFailure('10.9.0.1', 'pwd_find');
    expect(await server.app.db('ip_bans').select('ip')).to.deep.equal([]);
  });

  it('forgets failures older than the window (the window is keyed on the clock, so it holds on Redis too)', async () => {
    const shortWindow = await startSmsTestServer({ abuse: { failureThreshold: 3, windowSec: 1, banSec: 1800 } });
    try {
      const guard = shortWindow.app.use(abuseGuard);
      await guard.recordFailure('10.9.1.1', 'sms');
      await guard.recordFailure('10.9.1.1', 'sms');
      shortWindow.clock.advance(1_000);
      await guard.recordFailure('10.9.1.1', 'sms');
      expect(await shortWindow.app.db('ip_bans').where({ ip: '10.9.1.1' })).to.have.length(0);
    } finally {
      await shortWindow.stop();
    }
  });

  it('bans the IP at the threshold: sms.send probes get 604/605, then everything answers 510', async () => {
    const user = await createTestUser(server);
    expect((await client.call('sms.send', { mobile: user.mobile, key: 'USER_REGISTER_CODE' })).code).to.equal(604);
    expect((await client.call('sms.send', { mobile: uniqueMobile(), key: 'USER_LOGIN_CODE' })).code).to.equal(605);
    expect((await client.call('sms.send', { mobile: uniqueMobile(), key: 'USER_PWD_FIND_CODE' })).code).to.equal(605);

    const bans = await server.app.db('ip_bans').where({ ip: '127.0.0.1' });
    expect(bans).to.have.length(1);
    expect(bans[0].expires_at).to.be.within(unixSeconds(server.clock) + 1790, unixSeconds(server.clock) + 1800);
    expect(bans[0].reason).to.contain('sms');

    const banned = await client.call('sms.send', { mobile: uniqueMobile(), key: 'USER_REGISTER_CODE' });
    expect(banned.code).to.equal(510);
    expect((await client.call('system.request.token')).code).to.equal(510);
    expect(await server.app.db('ip_bans').where({ ip: '10.9.0.1' })).to.have.length(0);
  });

  it('bad signatures count toward the ban, in process and shared at the next flush: two processes add up', async () => {
    const signatures = await startSmsTestServer({ abuse: { failureThreshold: 5, windowSec: 600, banSec: 600 } });
    try {
      const honest = await signatures.client('app');
      const forger = new ApiClient({ url: signatures.url, appid: honest.appid, secret: 'f'.repeat(32), now: () => unixSeconds(signatures.clock) });
      // Another process sharing the store saw two bad signatures from this address.
      const otherProcess = new AppContext(signatures.config, signatures.app.db, signatures.app.kv, signatures.clock, signatures.app.logger).use(abuseGuard);
      otherProcess.recordBadSignature('127.0.0.1');
      otherProcess.recordBadSignature('127.0.0.1');
      await otherProcess.flushSignatures();
      for (let i = 0; i < 2; i++) expect((await forger.call('system.request.token')).msg).to.equal('signature error');
      await signatures.app.use(abuseGuard).flushSignatures();
      expect(await signatures.app.use(abuseGuard).failures('127.0.0.1')).to.equal(4);
      expect((await honest.call('system.request.token')).code, 'not banned below the threshold').to.equal(200);

      expect((await forger.call('system.request.token')).msg).to.equal('signature error');
      await signatures.app.use(abuseGuard).flushSignatures();
      expect((await honest.call('system.request.token')).code, 'the address is banned, whatever appid it signs with').to.equal(510);
      expect((await signatures.app.db('ip_bans').where({ ip: '127.0.0.1' }).first()).reason).to.contain('signature');
    } finally {
      await signatures.stop();
    }
  });

  it('a burst reaching the threshold in one process bans at once, without waiting for the flush', async () => {
    const burst = await startSmsTestServer({ abuse: { failureThreshold: 3, windowSec: 600, banSec: 600 } });
    try {
      const guard = burst.app.use(abuseGuard);
      expect(guard.recordBadSignature('10.9.2.1')).to.equal(undefined);
      expect(guard.recordBadSignature('10.9.2.1')).to.equal(undefined);
      const flushing = guard.recordBadSignature('10.9.2.1');
      expect(flushing, 'the third starts a flush').to.be.instanceOf(Promise);
      await flushing;
      expect(await burst.app.db('ip_bans').where({ ip: '10.9.2.1' })).to.have.length(1);
    } finally {
      await burst.stop();
    }
  });

  it('lifts with the ban period', async () => {
    server.clock.advance(1801_000);
    expect((await client.call('system.request.token')).code).to.equal(200);
  });
});
