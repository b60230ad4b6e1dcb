import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The process logger: one JSON object per line on stdout, `time` in epoch milliseconds.
 * Without a destination, lines are buffered (4 KiB) and written asynchronously, so a call does not
 * pay a write syscall for its log line; the buffer is flushed when the process exits.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const target = destination ?? bufferedStdout();
  return pino(
    {
      level,
      base: { pid: process.pid },
      // No pino `redact`: its wildcard paths cost ~10 µs on every call line. Call lines carry only fixed,
      // safe fields; anything carrying parameters goes through maskSensitive (core/mask.ts) first.
    },
    target,
  );
}

let sharedStdout: ReturnType<typeof pino.destination> | undefined;

/** One buffered stdout per process, however many loggers write to it, flushed once on exit. */
function bufferedStdout(): pino.DestinationStream {
  if (!sharedStdout) {
    const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
    process.once('exit', () => stream.flushSync());
    sharedStdout = stream;
  }
  return sharedStdout;
}
