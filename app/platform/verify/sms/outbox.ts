import { unixSeconds, type Clock } from '../../../core/clock';
import { formatTime } from '../../../core/time';
import { appendOutboxLine } from '../outboxFile';
import type { SmsDriver, SmsMessage } from './driver';

/**
 * Sends nothing: appends each message as one JSON line to a file, where a developer (or a test,
 * through test/helpers/sms.ts) reads the code. Production refuses it unless explicitly allowed.
 */
export class OutboxSmsDriver implements SmsDriver {
  constructor(
    private readonly file: string,
    private readonly clock: Clock,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    await appendOutboxLine(this.file, {
      mobile: message.mobile,
      key: message.key,
      code: message.code,
      text: message.text,
      time: formatTime(unixSeconds(this.clock)),
    });
  }
}
