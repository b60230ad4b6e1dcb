/** Deadlock victims and lock-wait timeouts (MySQL): the transaction was rolled back and may simply run again. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

const MAX_ATTEMPTS = 5;

/**
 * Runs `work` (a whole transaction) again after a deadlock, or after an error that `recover` repaired
 * and answered true for; at most MAX_ATTEMPTS times, then the last error stands.
 */
export async function withRetry<T>(work: () => Promise<T>, recover?: (err: unknown) => Promise<boolean>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS) throw err;
      if (!isRetryable(err) && !(recover && (await recover(err)))) throw err;
    }
  }
}
