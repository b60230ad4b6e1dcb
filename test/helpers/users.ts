import crypto from 'node:crypto';
import { userDirectory } from '../../app/platform/identity/users';
import { sessionService } from '../../app/platform/sessions/sessions';
import type { ApiType } from '../../app/core/caller';
import type { TestServer } from './harness';

export interface TestUser {
  id: number;
  mobile: string;
  openId: string;
  /** A live session token (client class by `platform`: 1/2 app, else web). */
  token: string;
}

let sequence = 0;

/** A fresh unique mobile number of the form 13[0-9]{9}. */
export function uniqueMobile(): string {
  sequence = (sequence + 1) % 100_000;
  return `139${String(crypto.randomInt(0, 10_000)).padStart(4, '0')}${String(sequence).padStart(4, '0')}`;
}

/**
 * Creates an active user through the user directory and opens a session for it, for tests of methods that
 * need a user but are not about accounts.
 */
export async function createTestUser(
  server: TestServer,
  options: { mobile?: string; platform?: number; registeredAt?: number; nickname?: string; apiType?: ApiType } = {},
): Promise<TestUser> {
  const mobile = options.mobile ?? uniqueMobile();
  const user = await server.app.use(userDirectory).create({
    mobile,
    nickname: options.nickname ?? `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
    c_time: options.registeredAt,
  });
  const { id, open_id: openId } = user;
  const token = await server.app.use(sessionService).issue(id, options.platform ?? 1, options.apiType ?? 'app');
  return { id, mobile, openId, token };
}
