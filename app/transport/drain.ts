import type http from 'node:http';

/**
 * The calls a server is answering, so that a shutdown can stop taking new ones and let these finish.
 * `drain(graceMs)` stops accepting connections, asks every keep-alive client to go (answers carry
 * `Connection: close` from then on), waits for the calls in flight (at most `graceMs`), then closes
 * every connection left and answers how many calls it had to cut.
 */
export function trackCalls(server: http.Server): { drain(graceMs: number): Promise<number> } {
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  let onIdle: (() => void) | null = null;

  const closeAfter = (res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  // Before koa's listener, so a call arriving during the drain is counted before it can answer.
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight.add(res);
    if (draining) closeAfter(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) onIdle?.();
    });
  });

  return {
    async drain(graceMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const res of inFlight) closeAfter(res);
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          onIdle = resolve;
          timer = setTimeout(resolve, graceMs);
        });
        clearTimeout(timer);
        onIdle = null;
      }
      const cut = inFlight.size;
      server.closeAllConnections();
      await closed;
      return cut;
    },
  };
}
