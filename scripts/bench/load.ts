import path from 'node:path';
import { commandExists, start } from './children';

export type LoadTool = 'wrk' | 'autocannon';

export interface LoadOptions {
  tool: LoadTool;
  port: number;
  seconds: number;
  connections: number;
  threads: number;
  /** CPU list the load generator is pinned to, or undefined. */
  cpus?: string;
  /** Exactly one of: a file holding the one body sent every time, or the prefix of per-thread body files. */
  bodyFile?: string;
  bodyPrefix?: string;
}

/** What one load run measured; the same shape from wrk and from autocannon. */
export interface LoadResult {
  requests: number;
  seconds: number;
  bytes: number;
  non2xx: number;
  socket_errors: number;
  timeouts: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  exhausted: number;
}

export function pickTool(requested: string | undefined): LoadTool {
  if (requested === 'autocannon') return 'autocannon';
  if (requested === 'wrk') {
    if (!commandExists('wrk')) throw new Error('--tool wrk: wrk is not installed (apt-get install wrk)');
    return 'wrk';
  }
  return commandExists('wrk') ? 'wrk' : 'autocannon';
}

/** Runs the load generator in its own process and reads its one BENCH_RESULT line. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = `http://127.0.0.1:${options.port}/`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.BENCH_BODY;
  delete env.BENCH_BODIES;
  if (options.bodyFile) env.BENCH_BODY = options.bodyFile;
  if (options.bodyPrefix) env.BENCH_BODIES = options.bodyPrefix;
  const [command, args] =
    options.tool === 'wrk'
      ? [
          'wrk',
          [`-t${options.threads}`, `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '5s', '-s', path.join(__dirname, 'wrk.lua'), url],
        ]
      : [
          process.execPath,
          ['--import', 'tsx', path.join(__dirname, 'autocannon-runner.ts'), url, String(options.seconds), String(options.connections), String(options.threads)],
        ];
  const child = start(command, args, { env, cpus: options.cpus, stdout: 'pipe' });
  let out = '';
  child.child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await child.exited;
  const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (code !== 0 || !line) throw new Error(`${options.tool} failed (${code}):\n${out}\n${child.stderr()}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as LoadResult;
}
