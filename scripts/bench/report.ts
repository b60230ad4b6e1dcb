import type { LoadResult } from './load';

/**
 * `a`–`d` (protocol path), `g` (the database ceiling), `<family>-<size>` for the project's DB methods
 * (`news-demo`, `news-1m`, …) and `<g|news>-w<n>` for the unpinned worker comparison.
 */
export type VariantKey = string;

/** The project's methods measured on each data set; all but the write are the reads the targets judge. */
export const DB_READS = ['news', 'goods', 'user', 'order'] as const;
export const DB_WRITE = 'nickname';
export const DB_FAMILIES = [...DB_READS, DB_WRITE] as const;
export const WORKER_FAMILIES = ['g', 'news'] as const;

/** The variant key's family: `news-1m` → `news`, `g-w2` → `g`, `c` → `c`. */
export const familyOf = (key: VariantKey): string => key.split('-')[0];
export const isWorkerVariant = (key: VariantKey): boolean => /-w\d+$/.test(key);

export interface Row {
  variant: VariantKey;
  label: string;
  rps: number;
  p99_ms: number;
  p50_ms: number;
  requests: number;
  errors: number;
  /** Server CPU time per answered request (µs), when /proc tells; robust to a busy machine. */
  cpu_us_per_req: number | null;
  /** Mean answer size over the run ÷ the checked sample's size − 1: non-zero means other answers crept in. */
  answer_size_drift: number;
  raw: LoadResult;
}

export interface Verdict {
  name: string;
  value: number;
  /** How the value prints: a ratio (2 decimals) or milliseconds. */
  unit?: 'ms';
  target: string;
  status: 'met' | 'not met' | 'n/a';
  note?: string;
}

export interface ReportContext {
  kv: string;
  connections: number;
  /** The label of the large data set (`1m`), whose figures are compared with the demo data's. */
  large: string;
}

/** The issue's targets, judged on one run's rows; a target whose variants were not measured is n/a. */
export function verdicts(rows: Map<VariantKey, Row>, context: ReportContext): Verdict[] {
  const rps = (k: VariantKey) => rows.get(k)?.rps ?? NaN;
  const judge = (ok: boolean, applies = true): Verdict['status'] => (!applies ? 'n/a' : ok ? 'met' : 'not met');
  const measured = (...keys: VariantKey[]) => keys.every((k) => rows.has(k));
  const cb = rps('c') / rps('b');
  const db = rps('d') / rps('b');
  const ba = rps('b') / rps('a');
  // Server CPU per request, inverted: what the req/s ratio would be if each server had its core to itself.
  const cpu = (k: VariantKey) => rows.get(k)?.cpu_us_per_req ?? NaN;
  const cpuNote = 'cross-check from server CPU per request, little disturbed by a busy machine';
  const onRedis = context.kv === 'redis';
  const at64 = context.connections === 64;
  const p99 = (key: VariantKey, limit: number): Verdict => ({
    name: `p99 of (${key})`,
    value: rows.get(key)?.p99_ms ?? NaN,
    unit: 'ms',
    target: `<= ${limit} ms at 64 connections`,
    status: judge((rows.get(key)?.p99_ms ?? NaN) <= limit, at64 && measured(key)),
    note: at64 ? undefined : `measured at ${context.connections} connections`,
  });
  const sizes = ['demo', context.large];
  return [
    { name: '(c)/(b)', value: cb, target: '>= 0.85', status: judge(cb >= 0.85, measured('b', 'c')) },
    {
      name: '(d)/(b)',
      value: db,
      target: '>= 0.60 on Redis',
      status: judge(db >= 0.6, onRedis && measured('b', 'd')),
      note: onRedis ? undefined : 'in-process store; the target is for Redis (set REDIS_URL)',
    },
    { name: '(c)/(b) by cpu', value: cpu('b') / cpu('c'), target: '>= 0.85', status: 'n/a', note: cpuNote },
    { name: '(d)/(b) by cpu', value: cpu('b') / cpu('d'), target: '>= 0.60 on Redis', status: 'n/a', note: cpuNote },
    { name: '(b)/(a)', value: ba, target: 'reference 0.26 (ceiling.md)', status: 'n/a' },
    { name: '(g)/(b)', value: rps('g') / rps('b'), target: 'reference 0.61 (ceiling.md g/d)', status: 'n/a' },
    p99('d', 15),
    ...sizes.flatMap((size) =>
      DB_READS.map((family): Verdict => {
        const key = `${family}-${size}`;
        const ratio = rps(key) / rps('g');
        return { name: `(${key})/(g)`, value: ratio, target: '>= 0.50', status: judge(ratio >= 0.5, measured('g', key)) };
      }),
    ),
    ...sizes.map((size): Verdict => ({ name: `(${DB_WRITE}-${size})/(g)`, value: rps(`${DB_WRITE}-${size}`) / rps('g'), target: 'reference (a write)', status: 'n/a' })),
    ...sizes.flatMap((size) => DB_READS.map((family) => p99(`${family}-${size}`, 20))),
    ...DB_FAMILIES.map((family): Verdict => {
      const [large, demo] = [`${family}-${context.large}`, `${family}-demo`];
      const ratio = rps(large) / rps(demo);
      return { name: `(${large})/(${demo})`, value: ratio, target: '>= 0.90 (within 10 %)', status: judge(ratio >= 0.9, measured(large, demo)) };
    }),
    ...WORKER_FAMILIES.map((family): Verdict => {
      const ratio = rps(`${family}-w2`) / rps(`${family}-w1`);
      return {
        name: `(${family}-w2)/(${family}-w1)`,
        value: ratio,
        target: '>= 1.80, unpinned',
        status: judge(ratio >= 1.8, measured(`${family}-w1`, `${family}-w2`)),
      };
    }),
  ];
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

const figure = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/**
 * The measured rows (with each one's req/s and CPU-per-request ratio to (g) when (g) ran; the worker
 * rows, unpinned, compare among themselves instead), then the targets.
 */
export function formatTable(rows: Row[], judged: Verdict[]): string {
  const g = rows.find((r) => r.variant === 'g');
  const toG = (r: Row) => (g && !isWorkerVariant(r.variant) ? r.rps / g.rps : NaN);
  const toGByCpu = (r: Row) => (g?.cpu_us_per_req && r.cpu_us_per_req && !isWorkerVariant(r.variant) ? g.cpu_us_per_req / r.cpu_us_per_req : NaN);
  const labelWidth = Math.max(48, ...rows.map((r) => r.variant.length + r.label.length + 2));
  // A subset run leaves most targets without figures: they stay in the JSON, not in the table.
  const shown = judged.filter((v) => Number.isFinite(v.value));
  const nameWidth = Math.max(16, ...shown.map((v) => v.name.length));
  const targetWidth = Math.max(30, ...shown.map((v) => v.target.length));
  const head =
    `${pad('variant', labelWidth)} ${pad('req/s', 9, true)} ${pad('× (g)', 6, true)} ${pad('p99 ms', 8, true)} ${pad('p50 ms', 8, true)} ` +
    `${pad('cpu µs/req', 11, true)} ${pad('× (g) cpu', 10, true)} ${pad('errors', 7, true)}`;
  const lines = [
    head,
    '-'.repeat(head.length),
    ...rows.map(
      (r) =>
        `${pad(`${r.variant}: ${r.label}`, labelWidth)} ${pad(Math.round(r.rps).toLocaleString('en-US'), 9, true)} ${pad(figure(toG(r), 2), 6, true)} ` +
        `${pad(r.p99_ms.toFixed(2), 8, true)} ${pad(r.p50_ms.toFixed(2), 8, true)} ` +
        `${pad(r.cpu_us_per_req === null ? '-' : r.cpu_us_per_req.toFixed(1), 11, true)} ${pad(figure(toGByCpu(r), 2), 10, true)} ${pad(String(r.errors), 7, true)}`,
    ),
    '',
    `${pad('ratio / figure', nameWidth)} ${pad('value', 9, true)}   ${pad('target', targetWidth)} status`,
    '-'.repeat(head.length),
    ...shown.map(
      (v) =>
        `${pad(v.name, nameWidth)} ${pad(v.unit === 'ms' ? `${figure(v.value, 2)} ms` : figure(v.value, 2), 9, true)}   ` +
        `${pad(v.target, targetWidth)} ${v.status === 'not met' ? 'NOT MET' : v.status}${v.note ? `  (${v.note})` : ''}`,
    ),
    ...(shown.length < judged.length ? [`(${judged.length - shown.length} targets not measured in this run)`] : []),
  ];
  return lines.join('\n');
}
