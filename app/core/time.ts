const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Unix seconds → "YYYY-MM-DD HH:MM:SS" in Asia/Shanghai (the seed's time format; China keeps no DST,
 * so a fixed offset is exact). `null`/0 → null, the catalog's "unset".
 */
export function formatTime(seconds: number | null | undefined): string | null {
  if (!seconds) return null;
  const d = new Date(seconds * 1000 + SHANGHAI_OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** "YYYY-MM-DD[ HH:MM[:SS]]" in Asia/Shanghai → unix seconds, or null when malformed. */
export function parseShanghaiTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - SHANGHAI_OFFSET_MS;
  const check = new Date(ms + SHANGHAI_OFFSET_MS);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return null;
  return Math.floor(ms / 1000);
}

/** "YYYYMMDD" of a moment in Asia/Shanghai: the day boundary of daily counters and order numbers. */
export function shanghaiDay(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}
