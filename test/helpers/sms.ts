import fs from 'node:fs';
import type { AppConfig } from '../../config';
import type { DeepPartial } from '../../config/merge';
import { seedSmsTemplates } from '../../app/products/app/reference/smsTemplates';
import { startTestServer, type TestServer } from './harness';

/** One line of the outbox SMS driver's file. */
export interface OutboxMessage {
  mobile: string;
  key: string;
  code: string;
  text: string;
  time: string;
}

/** The lines of an outbox file (SMS or mail), oldest first; none before the first message. */
export function outboxLines<T>(file: string): T[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export function outboxMessages(server: TestServer): OutboxMessage[] {
  return outboxLines<OutboxMessage>(server.config.sms.outboxFile);
}

/** The code of the newest message sent to `mobile` for template `key`; fails if none was sent. */
export function lastCode(server: TestServer, mobile: string, key: string): string {
  const found = outboxMessages(server).filter((m) => m.mobile === mobile && m.key === key).pop();
  if (!found) throw new Error(`no SMS with key ${key} was sent to ${mobile}`);
  return found.code;
}

/** A test server with the SMS templates in place (the harness starts on an empty database). */
export async function startSmsTestServer(overrides: DeepPartial<AppConfig> = {}): Promise<TestServer> {
  const server = await startTestServer(overrides);
  await seedSmsTemplates(server.app.db);
  return server;
}
