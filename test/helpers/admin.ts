import { expect } from 'chai';
import type { ApiAnswer, ClientOptions } from '../../app/sdk/client';
import { startTestServer, type TestClient, type TestServer } from './harness';

/** The answer's data after asserting code 200 (with the message in the failure). */
export function ok<T>(answer: ApiAnswer<T>): T {
  expect(answer.code, answer.msg).to.equal(200);
  return answer.data as T;
}

/** Asserts a 503 whose message matches `pattern`, and no data. */
export function refused(answer: ApiAnswer, pattern: RegExp): void {
  expect(answer.code, answer.msg).to.equal(503);
  expect(answer.msg).to.match(pattern);
  expect(answer).not.to.have.property('data');
}

/** The paged answer every admin X.list gives. */
export function expectPage(data: unknown, pageSize: number): asserts data is { list: Array<Record<string, unknown>>; total: number } {
  expect(data).to.have.all.keys('list', 'total', 'page', 'count', 'isnext');
  const page = data as { list: unknown[]; total: number; page: number; count: number; isnext: boolean };
  expect(page.list).to.be.an('array');
  expect(page.total).to.be.a('number');
  expect(page.count).to.equal(pageSize);
  expect(page.isnext).to.be.a('boolean');
}

/** A back-office client acting as one admin: `admin_id` goes into every call. */
export function asAdmin(client: TestClient, adminId: number) {
  return <T = unknown>(method: string, params: Record<string, unknown> = {}) => client.call<T>(method, { admin_id: adminId, ...params });
}

export interface AdminFixture {
  server: TestServer;
  /** Signs with an `admin` appid; calls carry no admin_id unless given. */
  adminClient: TestClient;
  /** Calls as the fixture's admin (admin_id added). */
  admin: ReturnType<typeof asAdmin>;
  /** An `app` client, to see what the back office changed. */
  app: TestClient;
}

/** Starts this file's server (before) and stops it (after), with an admin and an app client. */
export function useAdminServer(adminId: number, appOptions: Partial<ClientOptions> = {}): AdminFixture {
  const fixture = {} as AdminFixture;
  before(async () => {
    fixture.server = await startTestServer();
    fixture.adminClient = await fixture.server.client('admin');
    fixture.admin = asAdmin(fixture.adminClient, adminId);
    fixture.app = await fixture.server.client('app', appOptions);
  });
  after(() => fixture.server.stop());
  return fixture;
}
