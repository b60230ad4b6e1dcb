import { userDirectory } from '../../../app/platform/identity/users';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/harness';
import { ok } from '../../helpers/admin';
import { createTestUser, type TestUser } from '../../helpers/users';

export { ok, refused } from '../../helpers/admin';

export const ADMIN_ID = 7;

export interface Resident extends TestUser {
  username: string;
  nickname: string;
}

export interface NearbyFixture {
  server: TestServer;
  /** Signs with a `nearby` appid. */
  client: TestClient;
  /** Signs with an `admin` appid. */
  admin: TestClient;
  /** A user with a username and a live `nearby` session. */
  resident(options?: { username?: string; nickname?: string; role?: number; registeredAt?: number }): Promise<Resident>;
  /** Calls as `who` (their token added). */
  as<T = unknown>(who: Resident, method: string, params?: Record<string, unknown>): Promise<ReturnType<typeof ok<T>>>;
  /** An item through `nearby.item.add`; answers its id. */
  item(fields: Record<string, unknown> & { name: string }): Promise<string>;
}

let sequence = 0;

/** This file's server (before/after hooks) with a nearby client, an admin client and fixture makers. */
export function useNearbyServer(): NearbyFixture {
  const fixture = {} as NearbyFixture;
  before(async () => {
    fixture.server = await startTestServer();
    fixture.client = await fixture.server.client('nearby');
    fixture.admin = await fixture.server.client('admin');
  });
  after(() => fixture.server.stop());
  fixture.resident = async (options = {}) => {
    sequence += 1;
    const username = options.username ?? `u${process.pid % 1000}x${sequence}`.slice(0, 11);
    const nickname = options.nickname ?? `居民${sequence}`;
    const user = await createTestUser(fixture.server, { apiType: 'nearby', nickname, registeredAt: options.registeredAt });
    const users = fixture.server.app.use(userDirectory);
    await users.setIdentifiers(user.id, { username });
    if (options.role) await users.setRole(user.id, options.role);
    return { ...user, username, nickname };
  };
  fixture.as = async (who, method, params = {}) => ok(await fixture.client.call(method, params, { token: who.token }));
  fixture.item = async (fields) => {
    const data = ok<{ item_id: string }>(await fixture.admin.call('nearby.item.add', { admin_id: ADMIN_ID, retail_price: 10, ...fields }));
    return data.item_id;
  };
  return fixture;
}
