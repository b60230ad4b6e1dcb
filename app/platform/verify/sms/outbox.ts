import fs from 'node:fs';
import path from 'node:path';
import { unixSeconds, type Clock } from '../../../core/clock';
import { formatTime } from '../../../core/time';
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
    const line = JSON.stringify({
      mobile: message.mobile,
      key: message.key,
      code: message.code,
      text: message.text,
      time: formatTime(unixSeconds(this.clock)),
    });
    await fs.promises.mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
    // One appendFile call per line: concurrent sends never interleave within a line.
    await fs.promises.appendFile(this.file, `${line}\n`, { mode: 0o600 });
  }
}
