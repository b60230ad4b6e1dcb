import { expect } from 'chai';
import type { Auth } from '../../app/platform/identity/accounts';
import { PasswordHasher, passwordHasher } from '../../app/platform/identity/passwords';
import { DISTRICT } from '../../app/products/app/demo/011_accounts';
import { seedSmsTemplates } from '../../app/products/app/reference/smsTemplates';
import { startTestServer, type TestClient, type TestServer } from './harness';
import { lastCode } from './sms';
import { createTestUser, uniqueMobile, type TestUser } from './users';

export const PASSWORD = 'secret_123';

/** Limits loose enough that a test file's many codes and failures from 127.0.0.1 never hit them by accident. */
export const LOOSE_LIMITS = {
  abuse: { failureThreshold: 1000 },
  sms: { dailyCapPerIp: 10_000, dailyCapPerMobile: 1_000 },
} as const;

/** A cheap scrypt cost for tests: the same code path, a fraction of the CPU (test/services/passwords covers the default). */
export const TEST_SCRYPT_N = 1024;

/**
 * The SMS templates account tests need (test servers start without demo data), and the cheap password
 * cost; call it before the first request.
 */
export async function prepareAccounts(server: TestServer): Promise<void> {
  server.app.provide(passwordHasher, new PasswordHasher({ N: TEST_SCRYPT_N }));
  await seedSmsTemplates(server.app.db);
}

export interface Member extends TestUser {
  password: string;
}

/** A user with a password and a live session, made without going through SMS. */
export async function createMember(
  server: TestServer,
  options: Parameters<typeof createTestUser>[1] & { password?: string } = {},
): Promise<Member> {
  const password = options.password ?? PASSWORD;
  const user = await createTestUser(server, options);
  const hash = await server.app.use(passwordHasher).hash(password);
  await server.app.db('users').where({ id: user.id }).update({ password_hash: hash });
  return { ...user, password };
}

/**
 * Sends `key` to `mobile` through `sms.send` and answers the code from the outbox. The test clock moves
 * past the resend interval first, so a test can ask for several codes in a row.
 */
export async function sendCode(server: TestServer, client: TestClient, mobile: string, key: string, token?: string): Promise<string> {
  server.clock.advance((server.config.sms.resendIntervalSec + 1) * 1000);
  const answer = await client.call('sms.send', { mobile, key }, { token });
  expect(answer.code, answer.msg).to.equal(200);
  return lastCode(server, mobile, key);
}

export type { Auth } from '../../app/platform/identity/accounts';

/** Registers a new member through `sms.send` + `user.register`. */
export async function registerMember(
  server: TestServer,
  client: TestClient,
  options: { mobile?: string; password?: string; platform?: number } = {},
): Promise<Auth & { password: string }> {
  const mobile = options.mobile ?? uniqueMobile();
  const password = options.password ?? PASSWORD;
  const code = await sendCode(server, client, mobile, 'USER_REGISTER_CODE');
  const answer = await client.call<Auth>('user.register', { mobile, code, password, ...(options.platform ? { platform: options.platform } : {}) });
  expect(answer.code, answer.msg).to.equal(200);
  return { ...answer.data!, password };
}

/** A wrong 6-digit code: the real one with its last digit changed. */
export function wrongCode(code: string): string {
  return code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
}

/** A valid `user.address.add` parameter set (district: 粤海街道, Nanshan, Shenzhen). */
export function addressParams(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { realname: '张三', mobile: '13912345678', district_id: DISTRICT.YUEHAI, address: '科技园南区1号', ...overrides };
}

/** Adds an address through the API and answers its id. */
export async function addAddress(client: TestClient, token: string, overrides: Record<string, unknown> = {}): Promise<number> {
  const answer = await client.call<{ address_id: number }>('user.address.add', addressParams(overrides), { token });
  expect(answer.code, answer.msg).to.equal(200);
  return answer.data!.address_id;
}

/** A test server ready for account tests (see prepareAccounts) and an `app` client on it. */
export async function startAccountServer(
  overrides: Parameters<typeof startTestServer>[0] = {},
  clientOptions: Parameters<TestServer['client']>[1] = {},
): Promise<{ server: TestServer; client: TestClient }> {
  const server = await startTestServer(overrides);
  await prepareAccounts(server);
  return { server, client: await server.client('app', clientOptions) };
}
