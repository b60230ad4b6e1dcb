import type { TestServer } from './harness';
import { outboxLines } from './sms';

/** One line of the outbox mail driver's file. */
export interface OutboxMail {
  to: string;
  key: string;
  code: string;
  subject: string;
  text: string;
  time: string;
}

export function mailOutbox(server: TestServer): OutboxMail[] {
  return outboxLines<OutboxMail>(server.config.mail.outboxFile);
}

/** The code of the newest mail sent to `to` for template `key`; fails if none was sent. */
export function lastMailCode(server: TestServer, to: string, key: string): string {
  const found = mailOutbox(server).filter((m) => m.to === to && m.key === key).pop();
  if (!found) throw new Error(`no mail with key ${key} was sent to ${to}`);
  return found.code;
}
