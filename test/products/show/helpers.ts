import { expect } from 'chai';
import { seedDemoData } from '../../../app/platform/demo';
import { SHOW_DEMO_USER } from '../../../app/products/show/demo/010_people';
import { ApiClient } from '../../../app/sdk/client';
import { OwnerType, uploadService } from '../../../app/platform/files/uploads';
import { install as installShowTemplates } from '../../../app/products/show/reference/verifyTemplates';
import { showPeople } from '../../../app/products/show/services/people';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/harness';
import { tinyImages } from '../../helpers/images';
import { ok } from '../../helpers/admin';
import { createTestUser, type TestUser } from '../../helpers/users';

export { ok, refused } from '../../helpers/admin';

export const ADMIN_ID = 9;

export interface ShowUser extends TestUser {
  /** The wire's `uid` (the open_id). */
  uid: string;
}

export interface ShowFixture {
  server: TestServer;
  /** Signs with a `show` appid. */
  client: TestClient;
  /** Signs with an `admin` appid. */
  admin: TestClient;
  /** A show user with a live `show` session. */
  person(options?: { nickname?: string; category?: 0 | 1 | 2; mobile?: string }): Promise<ShowUser>;
  /** Calls as `who` and asserts 200; answers the data. */
  as<T = unknown>(who: ShowUser, method: string, params?: Record<string, unknown>): Promise<T>;
  /** The raw answer of a call as `who`. */
  raw(who: ShowUser, method: string, params?: Record<string, unknown>): ReturnType<TestClient['call']>;
  /** A live image file of `who`; answers its id and absolute URL. */
  image(who: ShowUser): Promise<{ fileId: string; url: string }>;
  /** A ticket made by the back office (`show.ticket.add`, on sale unless said); answers its id. */
  ticket(options?: { name?: string; price?: number; total?: number; status?: 0 | 1; intro?: string }): Promise<string>;
  /** A merchant: category 2 with its show_merchants row. */
  merchant(card?: { name?: string; logo?: string; intro?: string; address?: string; mobile?: string }): Promise<ShowUser>;
  /** A cloth added through admin `show.cloth.add` (merchant clothes need `merchant_uid`); answers its id. */
  cloth(fields: { kind: 'design' | 'merchant'; merchant_uid?: string; name?: string; intro?: string; price?: number; status?: number }): Promise<string>;
}

/** This file's server (before/after hooks) with a show client, an admin client and fixture makers. */
export function useShowServer(): ShowFixture {
  const fixture = {} as ShowFixture;
  before(async () => {
    fixture.server = await startTestServer();
    await installShowTemplates(fixture.server.app);
    fixture.client = await fixture.server.client('show');
    fixture.admin = await fixture.server.client('admin');
  });
  after(() => fixture.server.stop());
  fixture.person = async (options = {}) => {
    const user = await createTestUser(fixture.server, { apiType: 'show', nickname: options.nickname, mobile: options.mobile });
    const people = fixture.server.app.use(showPeople);
    await people.enrol(user.id);
    if (options.category) await people.setCategory(user.id, options.category);
    return { ...user, uid: user.openId };
  };
  fixture.raw = (who, method, params = {}) => fixture.client.call(method, params, { token: who.token });
  fixture.as = async <T>(who: ShowUser, method: string, params: Record<string, unknown> = {}) => ok<T>(await fixture.raw(who, method, params) as never);
  fixture.image = async (who) => {
    const stored = await fixture.server.app.use(uploadService).storeBase64(tinyImages.png.toString('base64'), { type: OwnerType.USER, id: who.id });
    return { fileId: stored.file_id, url: stored.image_url };
  };
  fixture.ticket = async (options = {}) => {
    const stored = await fixture.server.app.use(uploadService).storeBase64(tinyImages.png.toString('base64'), { type: OwnerType.ADMIN, id: ADMIN_ID });
    const params = { admin_id: ADMIN_ID, name: 'Show night', image: stored.file_id, price: 88, total: 100, ...options };
    return ok<{ ticket_id: string }>(await fixture.admin.call('show.ticket.add', params)).ticket_id;
  };
  fixture.merchant = async (card = {}) => {
    const merchant = await fixture.person({ category: 2, nickname: card.name, mobile: card.mobile });
    await fixture.server.app.db('show_merchants').insert({ user_id: merchant.id, name: card.name ?? '小店', logo: card.logo ?? '', intro: card.intro ?? '', address: card.address ?? '' });
    return merchant;
  };
  let clothImage: string | undefined;
  fixture.cloth = async (fields) => {
    clothImage ??= (await fixture.image(await fixture.person())).fileId;
    const data = ok<{ cloth_id: string }>(
      await fixture.admin.call('show.cloth.add', { admin_id: ADMIN_ID, name: '衣服', image: clothImage, intro: '', price: 99, ...fields }),
    );
    return data.cloth_id;
  };
  return fixture;
}

/** The P convention's extra keys: `total` and `isnext`, besides the list key. */
export function expectPaged(data: Record<string, unknown>, listKey: string, total: number, isnext: boolean): unknown[] {
  expect(data).to.have.all.keys(listKey, 'total', 'isnext');
  expect(data.total).to.equal(total);
  expect(data.isnext).to.equal(isnext);
  expect(data[listKey]).to.be.an('array');
  return data[listKey] as unknown[];
}

/** The documented demo user, logged in under the show demo appid of a seeded demo; `call` asserts 200. */
export interface DemoSession {
  show: ApiClient;
  token: string;
  call<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
}

/** Seeds every product's demo on `server` (as a fresh `npm start` does) and logs in as the show demo user. */
export async function seedDemoAndLogin(server: TestServer): Promise<DemoSession> {
  const created = await seedDemoData(server.app);
  const appid = created.find((a) => a.api_type === 'show')!;
  const show = new ApiClient({ url: server.url, appid: appid.appid, secret: appid.secret, platform: 1, now: () => Math.floor(server.clock.now() / 1000) });
  const login = await show.call<{ token: string }>('user.login', { country: SHOW_DEMO_USER.country, phone: SHOW_DEMO_USER.phone, password: SHOW_DEMO_USER.password });
  expect(login.code, login.msg).to.equal(200);
  const token = login.data!.token;
  return {
    show,
    token,
    async call<T>(method: string, params: Record<string, unknown> = {}) {
      const answer = await show.call<T>(method, params, { token });
      expect(answer.code, `${method}: ${answer.msg}`).to.equal(200);
      return answer.data as T;
    },
  };
}
