import { scratchDir } from '../../helpers/scratch';
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiAnswer } from '../../../app/sdk/client';
import { walletService } from '../../../app/platform/wallet/wallet';
import { install as installCampusTemplates } from '../../../app/products/campus/reference/verifyTemplates';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/harness';
import { createTestUser, type TestUser } from '../../helpers/users';

export interface CampusFixture {
  server: TestServer;
  /** Signs with a `campus` appid. */
  campus: TestClient;
  admin: TestClient;
  /** A new student with a campus session and `yuan` in the wallet. */
  student(yuan?: number): Promise<TestUser>;
  /** A signed campus call as `user`. */
  as(user: TestUser): <T = unknown>(method: string, params?: Record<string, unknown>) => Promise<ApiAnswer<T>>;
  /** The wallet balance in cents. */
  balance(user: TestUser): Promise<number>;
  /** The text of the captcha issued with `rand`, from this server's CAPTCHA_OUTBOX. */
  captchaCode(rand: string): string;
}

/** This file's server (before/after hooks) with a campus and an admin client. */
export function useCampusServer(): CampusFixture {
  const fixture = {} as CampusFixture;
  const outbox = path.join(scratchDir('campus-captcha'), 'captcha-outbox.jsonl');
  before(async () => {
    fixture.server = await startTestServer({ captcha: { outboxFile: outbox } });
    // The harness starts on an empty database: sms.generate needs its template (reference data).
    await installCampusTemplates(fixture.server.app);
    fixture.campus = await fixture.server.client('campus');
    fixture.admin = await fixture.server.client('admin');
  });
  after(async () => {
    await fixture.server.stop();
    fs.rmSync(path.dirname(outbox), { recursive: true, force: true });
  });
  fixture.captchaCode = (rand) => {
    const lines = fs.readFileSync(outbox, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { rand: string; code: string; time: string });
    const found = lines.reverse().find((l) => l.rand === rand);
    if (!found) throw new Error(`no captcha with rand ${rand} in the outbox`);
    return found.code;
  };
  fixture.student = async (yuan = 0) => {
    const user = await createTestUser(fixture.server, { apiType: 'campus' });
    if (yuan > 0) await fixture.server.app.use(walletService).credit({ userId: user.id, cents: Math.round(yuan * 100), reason: '充值' });
    return user;
  };
  fixture.as = (user) => (method, params = {}) => fixture.campus.call(method, params, { token: user.token });
  fixture.balance = (user) => fixture.server.app.use(walletService).balance(user.id);
  return fixture;
}

/** Asserts a 503 whose message matches `pattern`. */
export function refusedWith(answer: ApiAnswer, pattern: RegExp): void {
  expect(answer.code, answer.msg).to.equal(503);
  expect(answer.msg).to.match(pattern);
}

export function okData<T>(answer: ApiAnswer<T>): T {
  expect(answer.code, answer.msg).to.equal(200);
  return answer.data as T;
}

export const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A shop of `owner` with one product on sale at `price` yuan; answers their ids. */
export async function shopWithProduct(f: CampusFixture, owner: TestUser, price = 10.5, extra: Record<string, unknown> = {}): Promise<{ shopId: number; productId: number }> {
  const call = f.as(owner);
  const { shop_id: shopId } = okData(await call<{ shop_id: number }>('shop.create', { shop_name: `shop ${owner.id} ${Math.random().toString(36).slice(2, 8)}` }));
  const { product_id: productId } = okData(
    await call<{ product_id: number }>('product.create', { shop_id: shopId, product_name: 'notebook', product_price: price, product_status: 1, product_key: 'paper|book', ...extra }),
  );
  return { shopId, productId };
}
