import pino, { type Logger } from 'pino';

/** The one line logged per call. Fixed, safe fields only: no parameters, no secrets. */
export interface CallLine {
  req_id: string;
  ip: string;
  http: number;
  path: string;
  appid?: string;
  method?: string;
  code?: number;
  user_id?: number;
  ms: number;
}

interface LineSink {
  write(text: string): unknown;
  flushSync?(): void;
}

const pendingFlushes = new Set<() => void>();
let exitHooked = false;

/** On exit, lines still waiting for their turn are written synchronously (once per process). */
function flushOnExit(flush: () => void): void {
  pendingFlushes.add(flush);
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const pending of pendingFlushes) pending();
  });
}

/**
 * Writes call lines to the logger's own destination in pino's format (`level`, `time`, `pid`, the
 * fields, `msg: "call"`). Every request pays for this line: the lines of one event-loop turn are
 * joined and handed to the destination in one write (measured: ~2.3 µs per separate write into the
 * buffered stream, against ~0.7 µs for serialising the line). Failures still go through the logger.
 */
export function callLogWriter(logger: Logger): (line: CallLine) => void {
  const sink = (logger as unknown as Record<symbol, LineSink>)[pino.symbols.streamSym];
  const pid = process.pid;
  let pending: string[] = [];
  const flush = () => {
    const lines = pending;
    pending = [];
    sink.write(lines.join(''));
  };
  flushOnExit(() => {
    if (pending.length) flush();
    try {
      sink.flushSync?.();
    } catch {
      // a write still in flight: the destination's own exit hook finishes it
    }
  });
  return (line) => {
    if (!logger.isLevelEnabled('info')) return;
    if (pending.length === 0) setImmediate(flush);
    pending.push(`{"level":30,"time":${Date.now()},"pid":${pid},${JSON.stringify(line).slice(1, -1)},"msg":"call"}\n`);
  };
}
