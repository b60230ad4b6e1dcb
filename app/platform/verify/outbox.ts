import fs from 'node:fs';
import path from 'node:path';
import { unixSeconds, type Clock } from '../../core/clock';
import { formatTime } from '../../core/time';

/**
 * Sends nothing: appends each message as one JSON line (`line(message)` plus the time) to a file, where
 * a developer or a test (test/helpers/sms.ts, mail.ts) reads the code. Production refuses it unless
 * explicitly allowed. The file is private to the server user, like the codes it holds; one appendFile
 * call per line, so concurrent sends never interleave within a line.
 */
export class OutboxDriver<Message> {
  constructor(
    private readonly file: string,
    private readonly clock: Clock,
    private readonly line: (message: Message) => Record<string, string>,
  ) {}

  async send(message: Message): Promise<void> {
    const dir = path.dirname(path.resolve(this.file));
    if (!fs.existsSync(dir)) await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
    const line = { ...this.line(message), time: formatTime(unixSeconds(this.clock)) };
    await fs.promises.appendFile(this.file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  }
}

/** What the provider or mail server answered when it refused; for the send log, never for the client. */
export class DeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
