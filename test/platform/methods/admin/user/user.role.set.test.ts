import { expect } from 'chai';
import { userDirectory } from '../../../../../app/platform/identity/users';
import { ADMIN_ID, expectOk, expectRefused } from '../../../../helpers/adminMall';
import { startTestServer, type TestClient, type TestServer } from '../../../../helpers/harness';
import { createTestUser } from '../../../../helpers/users';

describe('admin user.role.set', () => {
  let server: TestServer;
  let admin: TestClient;

  before(async () => {
    server = await startTestServer();
    admin = await server.client('admin');
  });
  after(() => server.stop());

  const setRole = (params: Record<string, unknown>) => admin.call('user.role.set', { admin_id: ADMIN_ID, ...params });
  const roleOf = async (id: number) => Number((await server.app.db('users').where({ id }).first('role')).role);

  it('makes a member staff by open_id and answers {open_id, username, role}', async () => {
    const user = await createTestUser(server);
    expect(expectOk(await setRole({ open_id: user.openId, role: 1 }))).to.deep.equal({ open_id: user.openId, username: '', role: 1 });
    expect(await roleOf(user.id)).to.equal(1);
    // Setting the same role again is fine and changes nothing.
    expectOk(await setRole({ open_id: user.openId, role: 1 }));
    expect(await roleOf(user.id)).to.equal(1);
  });

  it('names a member by username, case-insensitively, and takes staff back to user', async () => {
    const user = await createTestUser(server);
    await server.app.use(userDirectory).setIdentifiers(user.id, { username: 'Staffer_1' });
    expectOk(await setRole({ username: 'staffer_1', role: 1 }));
    expect(expectOk(await setRole({ username: 'STAFFER_1', role: 0 }))).to.deep.equal({ open_id: user.openId, username: 'staffer_1', role: 0 });
    expect(await roleOf(user.id)).to.equal(0);
  });

  it('refuses an unknown member, a bad role, and naming the member twice or not at all; nothing changes', async () => {
    const user = await createTestUser(server);
    expectRefused(await setRole({ open_id: 'f'.repeat(32), role: 1 }), /user not found/);
    expectRefused(await setRole({ username: 'nobody_here', role: 1 }), /user not found/);
    expectRefused(await setRole({ open_id: user.openId, role: 2 }), /"role"/);
    expectRefused(await setRole({ open_id: user.openId }), /"role" is required/);
    expectRefused(await setRole({ role: 1 }), /give open_id or username/);
    expectRefused(await setRole({ open_id: user.openId, username: 'x', role: 1 }), /not both/);
    expectRefused(await setRole({ open_id: 'not-an-open-id', role: 1 }), /open_id/);
    expectRefused(await admin.call('user.role.set', { open_id: user.openId, role: 1 }), /"admin_id" is required/);
    expect(await roleOf(user.id)).to.equal(0);
  });

  it('exists in the admin namespace only', async () => {
    const user = await createTestUser(server);
    const app = await server.client('app');
    expect((await app.call('user.role.set', { admin_id: ADMIN_ID, open_id: user.openId, role: 1 })).code).to.equal(509);
    expect(await roleOf(user.id)).to.equal(0);
  });
});
