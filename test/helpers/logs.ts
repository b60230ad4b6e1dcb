import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../app/core/logger';

/** A logger whose JSON lines are kept in `lines`, for tests of what a server logs. */
export function logCapture(level = 'info'): { lines: Array<Record<string, unknown>>; logger: Logger } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger(level, stream) };
}
