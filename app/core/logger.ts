import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: the call log never carries params, but anything that does is masked too.
      redact: { paths: ['*.password', '*.token', '*.secret', '*.sign'], censor: '***' },
    },
    destination,
  );
}
