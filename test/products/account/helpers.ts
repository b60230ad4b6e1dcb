import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { deepMerge } from '../../../config/merge';
import type { AppConfig } from '../../../config';
import type { DeepPartial } from '../../../config/merge';
import { userDirectory } from '../../../app/platform/identity/users';
import { ACCESS_TTL_MS, REFRESH_TTL_MS } from '../../../app/products/account/services/tokens';
import { refreshTokenService } from '../../../app/platform/sessions/refreshTokens';
import type { ApiAnswer } from '../../../app/sdk/client';
import { asAdmin } from '../../helpers/admin';
import { outboxLines } from '../../helpers/sms';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/harness';
import { uniqueMobile } from '../../helpers/users';

export interface AccountFixture {
  server: TestServer;
  /** Signs with an `account` appid. */
  account: TestClient;
  /** Back office as admin 7. */
  admin: ReturnType<typeof asAdmin>;
  adminClient: TestClient;
  /** The lines the outbox push driver wrote so far. */
  pushOutbox(): PushLine[];
}

export interface PushLine {
  client_id: string;
  client_type: string;
  title: string;
  body: string;
  push_id: number;
}

export const ADMIN_ID = 7;

/** Starts this file's server (before) and stops it (after), with an account and an admin client. */
export function useAccountServer(overrides: DeepPartial<AppConfig> = {}): AccountFixture {
  const fixture = {} as AccountFixture;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'account-push-'));
  const outbox = path.join(scratch, 'push-outbox.jsonl');
  fixture.pushOutbox = () => outboxLines<PushLine>(outbox);
  before(async () => {
    fixture.server = await startTestServer(deepMerge<DeepPartial<AppConfig>>({ push: { outboxFile: outbox } }, overrides));
    fixture.account = await fixture.server.client('account', { platform: 2 });
    fixture.adminClient = await fixture.server.client('admin');
    fixture.admin = asAdmin(fixture.adminClient, ADMIN_ID);
  });
  after(async () => {
    await fixture.server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  return fixture;
}

export interface AccountUser {
  id: number;
  mobile: string;
  token: string;
  refreshToken: string;
  /** Calls `account` methods with this user's access token. */
  call<T = unknown>(method: string, params?: Record<string, unknown>): Promise<ApiAnswer<T>>;
}

/** A user with a live access/refresh pair of the account product, made without codes (tests not about sign-up). */
export async function accountUser(fixture: AccountFixture, client: TestClient = fixture.account): Promise<AccountUser> {
  const mobile = uniqueMobile();
  const user = await fixture.server.app.use(userDirectory).create({ mobile, username: mobile });
  const pair = await fixture.server.app.use(refreshTokenService).issuePair(user.id, 2, 'account', { accessTtlMs: ACCESS_TTL_MS, refreshTtlMs: REFRESH_TTL_MS });
  return {
    id: user.id,
    mobile,
    token: pair.accessToken,
    refreshToken: pair.refreshToken,
    call: (method, params = {}) => client.call(method, params, { token: pair.accessToken }),
  };
}

/** The answer's data after asserting code 200. */
export function ok<T>(answer: ApiAnswer<T>): T {
  expect(answer.code, answer.msg).to.equal(200);
  return answer.data as T;
}

/** Asserts a refusal with `code` whose message matches `pattern`. */
export function refusedWith(answer: ApiAnswer, code: number, pattern: RegExp = /./): void {
  expect(answer.code, answer.msg).to.equal(code);
  expect(answer.msg).to.match(pattern);
  expect(answer).not.to.have.property('data');
}

export const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The catalogue's paged shape. */
export function expectAccountPage(data: unknown, expected: { total: number; page_size?: number; current_page?: number }): Array<Record<string, unknown>> {
  expect(data).to.have.all.keys('total', 'pages', 'current_page', 'page_size', 'data');
  const page = data as { total: number; pages: number; current_page: number; page_size: number; data: Array<Record<string, unknown>> };
  const size = expected.page_size ?? 20;
  expect(page.total).to.equal(expected.total);
  expect(page.page_size).to.equal(size);
  expect(page.current_page).to.equal(expected.current_page ?? 1);
  expect(page.pages).to.equal(Math.ceil(expected.total / size));
  return page.data;
}
