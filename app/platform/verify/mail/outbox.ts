import { unixSeconds, type Clock } from '../../../core/clock';
import { formatTime } from '../../../core/time';
import { appendOutboxLine } from '../outboxFile';
import type { MailDriver, MailMessage } from './driver';

/** The SMS outbox's twin for e-mail (`MAIL_OUTBOX`): one JSON line per message, nothing sent. */
export class OutboxMailDriver implements MailDriver {
  constructor(
    private readonly file: string,
    private readonly clock: Clock,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await appendOutboxLine(this.file, {
      to: message.to,
      key: message.key,
      code: message.code,
      subject: message.subject,
      text: message.text,
      time: formatTime(unixSeconds(this.clock)),
    });
  }
}
