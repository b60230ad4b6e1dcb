import fs from 'node:fs';
import path from 'node:path';
import type { PushBatch, PushDriver } from './driver';

/**
 * Sends nothing: appends one JSON line per device (client_id, client_type, title, body, push_id) to a
 * file, where a developer or a test reads what would have been pushed. Production refuses it unless allowed.
 */
export class OutboxPushDriver implements PushDriver {
  readonly batchSize = 1000;

  constructor(private readonly file: string) {}

  async send(batch: PushBatch): Promise<void> {
    const lines = batch.devices
      .map((device) => JSON.stringify({ client_id: device.client_id, client_type: device.client_type, title: batch.title, body: batch.body, push_id: batch.push_id }))
      .join('\n');
    await fs.promises.mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
    // One appendFile per batch: concurrent sends never interleave within a line.
    await fs.promises.appendFile(this.file, `${lines}\n`, { mode: 0o600 });
  }
}
