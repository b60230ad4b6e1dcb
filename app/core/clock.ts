/** Time source for everything with an expiry, so tests can move time instead of sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock frozen at its start (real time when constructed, unless given) that moves only when told to.
 * Real time never leaks in, so a test that sets a 1,000 ms TTL and advances 999 ms sees the key, whatever
 * the machine's load.
 */
export class ManualClock implements Clock {
  private currentMs: number;
  constructor(startMs: number = Date.now()) {
    this.currentMs = startMs;
  }
  now(): number {
    return this.currentMs;
  }
  advance(ms: number): void {
    this.currentMs += ms;
  }
}

export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
