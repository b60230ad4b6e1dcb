import fs from 'node:fs';
import path from 'node:path';

/**
 * Appends one JSON line to a development outbox (SMS or mail): private to the server user, like the
 * codes it holds. One appendFile call per line, so concurrent sends never interleave within a line.
 */
export async function appendOutboxLine(file: string, line: Record<string, unknown>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.promises.appendFile(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
}
