import type { AppContext } from '../context';

/** Whether `probe` succeeds within `ms`; a probe that hangs counts as down (its late answer is ignored). */
async function answersWithin(probe: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([probe().then((answer) => answer !== false, () => false), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The database and the KV store, each probed within `http.healthTimeoutMs`. */
export async function probeStores(app: AppContext): Promise<{ db: boolean; kv: boolean }> {
  const ms = app.config.http.healthTimeoutMs;
  const [db, kv] = await Promise.all([answersWithin(() => app.db.raw('select 1'), ms), answersWithin(() => app.kv.ping(), ms)]);
  return { db, kv };
}
