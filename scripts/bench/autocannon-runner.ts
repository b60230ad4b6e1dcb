/**
 * Fallback load generator (when wrk is not installed), run as its own process like wrk would be.
 * Same contract as wrk.lua: BENCH_BODY (one body for every request) or BENCH_BODIES (prefix of per-thread
 * files, each body sent once, then a 404 path; `<address>\t<body>` adds X-Forwarded-For). Prints one
 * `BENCH_RESULT {json}` line.
 * Usage: tsx scripts/bench/autocannon-runner.ts <url> <seconds> <connections> <threads>
 */
import fs from 'node:fs';
import autocannon from 'autocannon';

function lines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

async function main(): Promise<void> {
  const [url, seconds, connections, threads] = process.argv.slice(2);
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  const staticFile = process.env.BENCH_BODY;
  const prefix = process.env.BENCH_BODIES;
  let exhausted = 0;
  let request: autocannon.Request;
  if (prefix) {
    const bodies = Array.from({ length: Number(threads) }, (_, t) => lines(`${prefix}.${t}`)).flat();
    let next = 0;
    request = {
      method: 'POST',
      path: '/',
      headers,
      setupRequest: (req) => {
        if (next < bodies.length) {
          const line = bodies[next++];
          const tab = line.indexOf('\t');
          return tab < 0 ? { ...req, body: line } : { ...req, headers: { ...headers, 'x-forwarded-for': line.slice(0, tab) }, body: line.slice(tab + 1) };
        }
        exhausted++;
        return { ...req, path: '/bench-bodies-exhausted', body: '' };
      },
    };
  } else if (staticFile) {
    request = { method: 'POST', path: '/', headers, body: fs.readFileSync(staticFile, 'utf8') };
  } else {
    throw new Error('set BENCH_BODY or BENCH_BODIES');
  }
  const result = await autocannon({ url, connections: Number(connections), duration: Number(seconds), requests: [request] });
  const out = {
    requests: result.requests.total,
    seconds: result.duration,
    bytes: result.throughput.total,
    non2xx: result.non2xx,
    socket_errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    exhausted,
  };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
