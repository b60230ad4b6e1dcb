import { expect } from 'chai';
import fc from 'fast-check';
import { API_TYPES, type ApiType } from '../../app/core/caller';
import { seedDemoData } from '../../app/platform/demo';
import { sessionService } from '../../app/platform/sessions/sessions';
import { signData } from '../../app/sdk/client';
import type { KvStore } from '../../app/storage/kv/types';
import { startTestServer, type TestClient, type TestServer } from '../helpers/harness';
import { createTestUser } from '../helpers/users';

/**
 * Must survive: hostile input. Signed and unsigned requests carrying hostile values (wrong types, huge
 * and deeply nested values, lone surrogates, NUL, 1e309, 2^64, `__proto__`, duplicate keys, bad
 * percent-encoding) go to every registered method of every namespace. No answer may be a 500, none may
 * leak internals, and a refused call may change nothing: the database fingerprint and the KV writes are
 * checked around every call.
 *
 * Reproduce or widen a run: `FC_SEED=<n> FC_RUNS=<n> npx mocha --spec test/protocol/hostile.test.ts`
 * (defaults: a fixed seed and a bounded number of runs, so CI is deterministic).
 */
const SEED = Number(process.env.FC_SEED ?? 20261201);
const RUNS = Number(process.env.FC_RUNS ?? 200);

// ---- hostile JSON, written as text: 1e309, 2^64 and duplicate keys have no JavaScript value that
// JSON.stringify would turn back into them.

type Hostile = { raw: string } | { entries: Array<[string, Hostile]> } | Hostile[] | string | number | boolean | null;

function jsonText(value: Hostile): string {
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    if ('raw' in value) return value.raw;
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const deep = (depth: number, open: string, leaf: string, close: string) => ({ raw: open.repeat(depth) + leaf + close.repeat(depth) });

const rawNumbers = fc.constantFrom(
  '1e309', '-1e309', '18446744073709551616', '-18446744073709551617', '9007199254740993', '1e-400', '-0', '0.0000001',
  '123456789012345678901234567890', '4294967296', '2147483648', '-2147483649', '1E2', '0e0', '1.5',
).map((raw) => ({ raw }));

const nastyStrings = fc.constantFrom(
  '', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uDBFFy', '\uFFFF', '\u202E', '\uFEFF', '🚀', '%', '%zz', '%E0%A4%A',
  '%00', '\\', '"', "'; DROP TABLE users; --", "' OR '1'='1", '${7*7}', '<script>alert(1)</script>', '<img src=x onerror=1>',
  '../../etc/passwd', '__proto__', 'constructor', '0', '-1', '1.5', '1e309', '18446744073709551616', 'true', 'null',
  'NaN', 'Infinity', '2026-13-45', '1700000000', 'http://', 'javascript:alert(1)', 'https://a.test/x.png', '13800138000',
  '1', '2', '99999999999', '1,2,3', '[]', '{}', 'a'.repeat(256), 'é'.repeat(300),
);

const plausible = fc.oneof(
  fc.integer({ min: -3, max: 5 }),
  fc.constantFrom(1, 2, 10, 100, 1_000_000, 0.5, -1, 2 ** 31, 2 ** 53),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('1', '2', 'abc', '13800138000', 'https://a.test', '1.0.0', '123456'),
);

const huge = fc.constantFrom(
  { raw: JSON.stringify('x'.repeat(70_000)) },
  { raw: JSON.stringify('汉'.repeat(40_000)) },
  { raw: `[${'1,'.repeat(20_000)}1]` },
  deep(5_000, '[', '1', ']'),
  deep(2_000, '{"a":', '1', '}'),
  { raw: JSON.stringify('\u0000'.repeat(10_000)) },
);

const hostileKeys = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '\u0000', 'a.b', '$where'),
  fc.string({ maxLength: 6 }),
);

const { hostile } = fc.letrec<{ hostile: Hostile }>((tie) => ({
  hostile: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    plausible,
    nastyStrings,
    rawNumbers,
    fc.constantFrom(null, true, false),
    fc.double(),
    huge,
    fc.array(tie('hostile'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKeys, tie('hostile')), { maxLength: 4 }).map((entries) => ({ entries })),
  ),
}));

// ---- what a refused call may still write: its own bookkeeping, which is the point of refusing it.

/**
 * KV keys a refused call may write, because counting or claiming is what the refusal is for: the replay
 * claim (step 12, made before the parameters are validated), failures per IP (the abuse guard) and per
 * account (the password lock, its pending attempts), login attempts per IP and per account, and the SMS
 * interval and daily counters (reserved, then given back). And the read cache's copies of what was read
 * (the session check keeps the account it looked up, before the parameters are validated): a copy of
 * rows, stamped with their generations, is not a change.
 */
const BOOKKEEPING_KEY = /^(replay|abuse|pwd-fail|pwd-fail-since|pwd-lock|pwd-pending|login-ip|login-acct|sms:interval|sms:day|cache2|refresh:cache2):/;

/** Tables a refusal may change, by its code: a wrong SMS code (700) counts the attempt on the code's row. */
const BOOKKEEPING_TABLES: Record<string, string[]> = { 700: ['verify_codes'] };

interface KvWrite {
  op: string;
  key: string;
}

/** The KV store, recording every write it performs. */
function recordingKv(writes: KvWrite[]) {
  return (kv: KvStore): KvStore =>
    new Proxy(kv, {
      get(target, property) {
        const original = Reflect.get(target, property) as unknown;
        if (typeof original !== 'function') return original;
        const op = String(property);
        if (!['set', 'incr', 'expire', 'del', 'take'].includes(op)) return original.bind(target);
        return async (...args: unknown[]) => {
          const result = await (original as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          const changed = op === 'set' || op === 'incr' ? result !== false : op === 'del' ? Number(result) > 0 : result !== null && result !== false;
          if (changed) for (const key of op === 'del' ? (args as string[]) : [args[0] as string]) writes.push({ op, key });
          return result;
        };
      },
    });
}

/**
 * One query answering a fingerprint of every table: its row count and, per column, the sum of the values
 * (numbers) or of their lengths (text). An insert, a delete or an update of almost any value changes it.
 */
async function fingerprintQuery(server: TestServer): Promise<() => Promise<string>> {
  const db = server.app.db;
  const mysql = server.config.db.client === 'mysql';
  const tables: string[] = mysql
    ? ((await db.raw('select table_name as t from information_schema.tables where table_schema = database()')) as [Array<{ t: string }>])[0].map((r) => r.t)
    : ((await db.raw("select name as t from sqlite_master where type = 'table' and name not like 'sqlite_%'")) as Array<{ t: string }>).map((r) => r.t);
  const parts: string[] = [];
  for (const table of tables.filter((t) => !t.startsWith('knex_')).sort()) {
    const columns = await db(table).columnInfo();
    const aggregates = Object.entries(columns).map(([name, info]) => {
      const column = mysql ? `\`${name}\`` : `"${name}"`;
      const numeric = /int|dec|real|double|float|num/i.test(info.type);
      return `COALESCE(SUM(${numeric ? column : `LENGTH(${column})`}), 0)`;
    });
    const joined = mysql ? `CONCAT_WS(',', COUNT(*), ${aggregates.join(', ')})` : ['COUNT(*)', ...aggregates].join(" || ',' || ");
    parts.push(`SELECT '${table}' AS t, ${joined} AS f FROM ${mysql ? `\`${table}\`` : `"${table}"`}`);
  }
  const sql = parts.join(' UNION ALL ');
  return async () => {
    const result = await db.raw(sql);
    const rows = (mysql ? result[0] : result) as Array<{ t: string; f: unknown }>;
    return rows.map((r) => `${r.t}=${String(r.f)}`).join(';');
  };
}

/** Internals an answer's message must never carry. */
const LEAKS: RegExp[] = [
  /\n\s*at\s/,
  /node_modules/,
  /\/(work|home|tmp|usr|app|root|var)\//,
  /\.(ts|js|mjs|cjs):\d+/,
  /\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set|where)\b/i,
  /\bER_[A-Z_]+\b|SQLITE_|\bknex\b|mysql/i,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|Unexpected token|is not a function|Cannot read propert/,
  /\[object Object\]|\bundefined\b|\bNaN\b/,
];

/** Values that commonly pass a field rule; each key keeps those its schema accepts. */
const CANDIDATES: unknown[] = [
  1, 2, 3, 10, 99, 0, '1', 'abc', 'Abc12345', 'demo1234', '13800138000', 'https://a.test/x.png', 'a@a.test', '2026-12-01',
  '2026-12-01 10:00:00', '1.0.0', '123456', '440305', '440305007', true, false, [], [1], ['abc'], {},
  // Past the INT columns: a rule without a maximum lets them through to the database.
  2_147_483_648, 4_294_967_296, 13_800_138_000, 9_007_199_254_740_991, -2_147_483_649,
];

/** For each key, the candidates its own rule accepts (so a call can carry valid values beside a hostile one). */
function validValues(schema: import('joi').ObjectSchema, keys: string[]): Record<string, unknown[]> {
  const valid: Record<string, unknown[]> = {};
  for (const key of keys) {
    const described = schema.extract(key).describe() as { allow?: unknown[] };
    // Checked within the object, where rules that refer to sibling keys can resolve.
    const every = schema.prefs({ abortEarly: false });
    const accepted = (value: unknown) => !every.validate({ [key]: value }).error?.details.some((d) => d.path[0] === key);
    valid[key] = [...(described.allow ?? []), ...CANDIDATES].filter((value) => value !== undefined && accepted(value));
  }
  return valid;
}

interface Problem {
  what: string;
  request: string;
  answer: string;
}

function changedTables(before: string, after: string): string[] {
  const a = new Map(before.split(';').map((p) => p.split('=') as [string, string]));
  return after
    .split(';')
    .map((p) => p.split('=') as [string, string])
    .filter(([t, f]) => a.get(t) !== f)
    .map(([t]) => t);
}

describe('hostile input across every registered method (property-based, fast-check)', function () {
  this.timeout(120_000);
  const kvWrites: KvWrite[] = [];
  const stats: string[] = [];
  after(() => {
    if (process.env.FC_STATS) require('node:fs').writeFileSync(process.env.FC_STATS, stats.join('\n'));
  });
  let server: TestServer;
  let fingerprint: () => Promise<string>;
  const clients = new Map<string, TestClient>();
  const tokens = new Map<string, string>();
  const userIds = new Map<string, number>();
  /** A new session for the namespace's member (a call may have ended or replaced the last one). */
  const openSession = async (namespace: string) => {
    tokens.set(namespace, await server.app.use(sessionService).issue(userIds.get(namespace)!, 1, namespace as ApiType));
  };
  let methods: Array<{ namespace: string; name: string; since: string; params: string[]; valid: Record<string, unknown[]>; user: string }>;

  before(async () => {
    // Failures are counted per IP by design; a ban would hide every method behind 510 after 30 of them.
    server = await startTestServer({ abuse: { failureThreshold: 1_000_000 } }, { wrapKv: recordingKv(kvWrites) });
    methods = server.runtime.registry.entries().map(({ namespace, name, since, definition }) => {
      const params = Object.keys((definition.schema.describe() as { keys?: Record<string, unknown> }).keys ?? {});
      return { namespace, name, since, user: definition.user, params, valid: validValues(definition.schema, params) };
    });
    // Demo rows (members, orders, goods, content) give ids 1, 2, 3 something to find: calls reach the handlers.
    await seedDemoData(server.app);
    const demoMember = (await server.app.db('users').where({ mobile: '13800138000' }).first('id')) as { id: number };
    for (const apiType of API_TYPES) clients.set(apiType, await server.client(apiType));
    for (const namespace of new Set(methods.map((m) => m.namespace))) {
      userIds.set(namespace, namespace === 'app' ? demoMember.id : (await createTestUser(server, { apiType: namespace as ApiType })).id);
      await openSession(namespace);
    }
    fingerprint = await fingerprintQuery(server);
  });
  after(() => server.stop());

  async function post(contentType: string, body: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${server.url}/`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
    return { status: response.status, text: await response.text() };
  }

  /** Sends one request and records what is wrong with its answer and its effects. */
  async function check(label: string, send: () => Promise<{ status: number; text: string }>, problems: Problem[], after200?: () => Promise<void>): Promise<void> {
    const before = await fingerprint();
    kvWrites.length = 0;
    const { status, text } = await send();
    if (process.env.FC_STATS) stats.push(`${status} ${text.slice(0, 60)} <- ${label.slice(0, 80)}`);
    const report = (what: string) => problems.push({ what, request: label.slice(0, 400), answer: text.slice(0, 300) });
    let answer: { code?: unknown; msg?: unknown };
    try {
      answer = JSON.parse(text);
    } catch {
      report(`HTTP ${status}: not a JSON answer`);
      return;
    }
    if (status >= 500) report(`HTTP ${status}`);
    if (answer.code === 500) report('code 500');
    const msg = typeof answer.msg === 'string' ? answer.msg : '';
    if (typeof answer.msg !== 'string') report('msg is not a string');
    for (const leak of LEAKS) if (leak.test(msg)) report(`msg leaks internals (${leak})`);
    if (answer.code === 200) {
      await after200?.();
      return;
    }
    const changed = changedTables(before, await fingerprint()).filter((t) => !(BOOKKEEPING_TABLES[String(answer.code)] ?? []).includes(t));
    if (changed.length) report(`a refused call (${String(answer.code)}) changed tables: ${changed.join(', ')}`);
    const stray = kvWrites.filter((w) => !BOOKKEEPING_KEY.test(w.key));
    if (stray.length) report(`a refused call (${String(answer.code)}) wrote KV keys: ${stray.map((w) => `${w.op} ${w.key.replace(/:[^:]{16,}/g, ':…')}`).join(', ')}`);
  }

  function assertNoProblems(problems: Problem[]): void {
    const distinct = new Map<string, Problem>();
    for (const p of problems) if (!distinct.has(p.what + p.request.slice(0, 40))) distinct.set(p.what + p.request.slice(0, 40), p);
    const listing = [...distinct.values()].slice(0, 25).map((p) => `- ${p.what}\n    request: ${p.request}\n    answer: ${p.answer}`).join('\n');
    expect(problems.length, `${problems.length} problems (FC_SEED=${SEED} FC_RUNS=${RUNS} reproduces):\n${listing}`).to.equal(0);
  }

  const FIXED = ['method', 'v', 'appid', 'timestamp', 'token', 'platform', 'app_v', 'channel', 'device_token', 'unique_id', 'nonce', 'sign'];

  it(`signed calls: hostile parameters for every method (seed ${SEED}, ${RUNS} runs)`, async () => {
    const problems: Problem[] = [];
    const call = fc
      .constantFrom(...methods)
      .chain((method) =>
        fc.record({
          method: fc.constant(method),
          /** A valid value for most keys that have one, so the hostile ones reach deeper checks and handlers. */
          base: fc.tuple(
            ...method.params.map((key) =>
              method.valid[key].length ? fc.option(fc.constantFrom(...method.valid[key].map((v) => ({ raw: JSON.stringify(v) }))), { freq: 6 }) : fc.constant(null),
            ),
          ),
          params: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...(method.params.length ? method.params : ['x'])), hostileKeys), hostile), { minLength: 1, maxLength: 4 }),
          /** Fixed parameters sent again with hostile values after the real ones (duplicate keys: the last wins). */
          fixedOverrides: fc.array(fc.tuple(fc.constantFrom(...FIXED), hostile), { maxLength: 2 }),
          withToken: fc.boolean(),
          json: fc.boolean(),
          /** Now and then signed by an appid of another api type (every type, those without methods too). */
          signer: fc.option(fc.constantFrom(...API_TYPES), { freq: 5 }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(call, async ({ method, base, params, fixedOverrides, withToken, json, signer }) => {
        const client = clients.get(signer ?? method.namespace)!;
        const token = tokens.get(method.namespace)!;
        const fixed: Array<[string, Hostile]> = [
          ['method', method.name],
          ['v', method.since],
          ['appid', client.appid],
          ['timestamp', String(Math.floor(server.clock.now() / 1000))],
          ['platform', 1],
          ['nonce', Math.random().toString(36).slice(2)],
          ...(withToken || method.user === 'required' ? [['token', token] as [string, Hostile]] : []),
        ];
        const valid = method.params.flatMap((key, i) => (base[i] === null ? [] : [[key, base[i] as Hostile] as [string, Hostile]]));
        // A key given twice counts once in JSON.parse (the last): the hostile value replaces the valid one.
        const data = jsonText({ entries: [...fixed, ...valid, ...params, ...fixedOverrides] });
        const sign = signData(data, client.secret);
        const label = `${method.namespace} ${method.name}: ${data}`;
        await check(
          label,
          () => (json ? post('application/json', JSON.stringify({ data, sign })) : post('application/x-www-form-urlencoded', new URLSearchParams({ data, sign }).toString())),
          problems,
          // A call that succeeded may have ended or replaced the session (logout, password change).
          method.user === 'none' ? undefined : () => openSession(method.namespace),
        );
      }),
      // Problems are collected, not thrown: a throw here is a bug of the test itself.
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    assertNoProblems(problems);
  });

  it(`unsigned and malformed requests: bad percent-encoding, hostile bodies and content types (seed ${SEED})`, async () => {
    const problems: Problem[] = [];
    const badEscapes = fc.constantFrom('%', '%zz', '%E0%A4%A', '%ED%A0%80', '%FF%FE', '%C0%AF', '%00', '+', '&', '=', '%%', '%u0041', '%F0%9F%98');
    const garbage = fc.array(fc.oneof(badEscapes, fc.string({ maxLength: 5 })), { maxLength: 8 }).map((parts) => parts.join(''));
    const contentType = fc.constantFrom(
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=latin1',
      'application/json',
      'application/vnd.api+json',
      'text/plain',
      '',
      'multipart/form-data',
      'multipart/form-data; boundary=x',
    );
    const body = fc.oneof(
      fc.tuple(garbage, garbage).map(([d, s]) => `data=${d}&sign=${s}`),
      fc.tuple(hostile, garbage).map(([d, s]) => `data=${encodeURIComponent(jsonText(d))}&sign=${s}`),
      hostile.map((h) => jsonText(h)),
      fc.tuple(hostile, hostile).map(([d, s]) => jsonText({ entries: [['data', d], ['sign', s]] })),
      fc.tuple(fc.constantFrom(...methods), fc.array(fc.tuple(hostileKeys, hostile), { maxLength: 4 }), garbage).map(([method, params, sign]) => {
        const client = clients.get(method.namespace)!;
        const data = jsonText({ entries: [['method', method.name], ['v', method.since], ['appid', client.appid], ['timestamp', String(Math.floor(server.clock.now() / 1000))], ...params] });
        return `data=${encodeURIComponent(data)}&sign=${sign}`;
      }),
      garbage,
    );
    await fc.assert(
      fc.asyncProperty(contentType, body, async (type, text) => {
        await check(`${type} ${text}`, () => post(type, text), problems);
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
    assertNoProblems(problems);
  });
});
