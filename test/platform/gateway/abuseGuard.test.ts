import { expect } from 'chai';
import { unixSeconds } from '../../../app/core/clock';
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

  it('lifts with the ban period', async () => {
    server.clock.advance(1801_000);
    expect((await client.call('system.request.token')).code).to.equal(200);
  });
});
