import type { LoadResult } from './load';

export type VariantKey = 'a' | 'b' | 'c' | 'd';

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
  target: string;
  status: 'met' | 'not met' | 'n/a';
  note?: string;
}

/** The issue's targets, judged on one run's rows. */
export function verdicts(rows: Map<VariantKey, Row>, context: { kv: string; connections: number }): Verdict[] {
  const rps = (k: VariantKey) => rows.get(k)?.rps ?? NaN;
  const judge = (ok: boolean, applies = true): Verdict['status'] => (!applies ? 'n/a' : ok ? 'met' : 'not met');
  const measured = (...keys: VariantKey[]) => keys.every((k) => rows.has(k));
  const cb = rps('c') / rps('b');
  const db = rps('d') / rps('b');
  const ba = rps('b') / rps('a');
  const p99 = rows.get('d')?.p99_ms ?? NaN;
  // Server CPU per request, inverted: what the req/s ratio would be if each server had its core to itself.
  const cpu = (k: VariantKey) => rows.get(k)?.cpu_us_per_req ?? NaN;
  const cpuNote = 'cross-check from server CPU per request, little disturbed by a busy machine';
  const onRedis = context.kv === 'redis';
  const at64 = context.connections === 64;
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
    {
      name: 'p99 of (d)',
      value: p99,
      target: '<= 15 ms at 64 connections',
      status: judge(p99 <= 15, at64 && measured('d')),
      note: at64 ? undefined : `measured at ${context.connections} connections`,
    },
  ];
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function formatTable(rows: Row[], judged: Verdict[]): string {
  const lines = [
    `${pad('variant', 48)} ${pad('req/s', 9, true)} ${pad('p99 ms', 8, true)} ${pad('p50 ms', 8, true)} ${pad('cpu µs/req', 11, true)} ${pad('errors', 7, true)}`,
    '-'.repeat(96),
    ...rows.map(
      (r) =>
        `${pad(`${r.variant}: ${r.label}`, 48)} ${pad(Math.round(r.rps).toLocaleString('en-US'), 9, true)} ` +
        `${pad(r.p99_ms.toFixed(2), 8, true)} ${pad(r.p50_ms.toFixed(2), 8, true)} ` +
        `${pad(r.cpu_us_per_req === null ? '-' : r.cpu_us_per_req.toFixed(1), 11, true)} ${pad(String(r.errors), 7, true)}`,
    ),
    '',
    `${pad('ratio / figure', 16)} ${pad('value', 8, true)}   ${pad('target', 30)} status`,
    '-'.repeat(96),
    ...judged.map(
      (v) =>
        `${pad(v.name, 16)} ${pad(v.name.startsWith('p99') ? `${v.value.toFixed(2)} ms` : v.value.toFixed(2), 8, true)}   ` +
        `${pad(v.target, 30)} ${v.status}${v.note ? `  (${v.note})` : ''}`,
    ),
  ];
  return lines.join('\n');
}
