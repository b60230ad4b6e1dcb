import { expect } from 'chai';
import { unixSeconds } from '../../app/core/clock';
import { pointsService } from '../../app/products/app/services/mall/points';
import { insertId } from '../../app/storage/db';
import { DISTRICT } from '../../app/products/app/demo/011_accounts';
import { seedMall, type SeededMall } from '../../app/products/app/demo/030_mall';
import { startTestServer, type TestClient, type TestServer } from './harness';
import { createTestUser, type TestUser } from './users';

export const DEMO_MOBILE = '13800138000';

export interface Buyer extends TestUser {
  addressid: number;
}

/** A member with a live address in 南山区/粤海街道 and, when `points` > 0, that many granted points. */
export async function createBuyer(server: TestServer, points: number, options: Parameters<typeof createTestUser>[1] = {}): Promise<Buyer> {
  const user = await createTestUser(server, options);
  const now = unixSeconds(server.clock);
  const addressid = await insertId(
    server.app.db('user_addresses').insert({
      user_id: user.id,
      realname: '张木沐',
      mobile: '14812345678',
      districtid: DISTRICT.YUEHAI,
      address: '东方科技大厦601',
      is_default: 1,
      status: 1,
      c_time: now,
      u_time: now,
    }),
  );
  if (points > 0) await server.app.use(pointsService).grant(user.id, points, '测试赠送');
  return { ...user, addressid };
}

/** The demo member (13800138000 with an address) and the mall demo data, as on a fresh start. */
export async function prepareMall(server: TestServer): Promise<{ mall: SeededMall; demo: Buyer }> {
  const demo = await createBuyer(server, 0, { mobile: DEMO_MOBILE });
  const mall = await seedMall(server.app);
  return { mall, demo };
}

/** A fresh request token for the member (order.submit spends one). */
export async function requestToken(client: TestClient, user: TestUser): Promise<string> {
  const answer = await client.call<{ token: string }>('system.request.token', {}, { token: user.token });
  expect(answer.code).to.equal(200);
  return answer.data!.token;
}

/** Signs `order.submit` for the member with a fresh request token. */
export async function submitOrder(client: TestClient, buyer: Buyer, productid: number, quantity = 1) {
  const request_token = await requestToken(client, buyer);
  return client.call<{ orderid: number; order_sn: string }>(
    'order.submit',
    { productid, quantity, address_id: buyer.addressid, request_token },
    { token: buyer.token },
  );
}

export async function stockOf(server: TestServer, productid: number): Promise<number> {
  const row = await server.app.db('products').where({ productid }).first('stock');
  return Number(row.stock);
}

export async function balanceOf(server: TestServer, userId: number): Promise<number> {
  return server.app.use(pointsService).balance(userId);
}

/** The account balance equals the sum of the ledger and the last row's balance_after; answers the balance. */
export async function expectLedgerBalanced(server: TestServer, userId: number): Promise<number> {
  const balance = await balanceOf(server, userId);
  const [sum] = await server.app.db('points_ledger').where({ user_id: userId }).sum({ total: 'change' });
  expect(Number(sum?.total ?? 0), `ledger sum of user ${userId}`).to.equal(balance);
  const last = await server.app.db('points_ledger').where({ user_id: userId }).orderBy('log_id', 'desc').first('balance_after');
  if (last) expect(Number(last.balance_after)).to.equal(balance);
  expect(balance).to.be.at.least(0);
  return balance;
}

/** A test server with the mall prepared (see prepareMall) and an `app` client; stop it in after(). */
export async function startMall(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(overrides);
  const client = await server.client('app');
  return { server, client, ...(await prepareMall(server)) };
}
