import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/**
 * Every process the benchmark starts goes through here, so that one exit path (normal end, error,
 * Ctrl-C) can stop them all and no server outlives the run holding a port.
 */
const running = new Set<ChildProcess>();

export interface Started {
  child: ChildProcess;
  /** What the process wrote to stderr so far (last 8 KB), for error messages. */
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** CPU list for taskset (e.g. "0"); undefined runs unpinned. */
  cpus?: string;
  stdout?: 'ignore' | 'pipe';
}

export function start(command: string, args: string[], options: StartOptions = {}): Started {
  const [cmd, argv] = options.cpus !== undefined ? ['taskset', ['-c', options.cpus, command, ...args]] : [command, args];
  const stdio: StdioOptions = ['ignore', options.stdout ?? 'ignore', 'pipe'];
  const child = spawn(cmd, argv, { env: options.env ?? process.env, stdio });
  running.add(child);
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString('utf8')).slice(-8192);
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (e) => {
      running.delete(child);
      err += `\n${e.message}`;
      resolve('spawn error');
    });
  });
  return { child, stderr: () => err, exited };
}

/** SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
export async function stop(started: Started, graceMs = 3000): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await started.exited;
  clearTimeout(timer);
}

/** Synchronous last resort for process exit: nothing can be awaited there. */
export function killAll(): void {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

/**
 * CPU time (user + system, all threads) a process and its descendants have used so far, from /proc;
 * undefined elsewhere.
 * CPU per request is the figure a busy machine disturbs least: contention lowers req/s, not this.
 */
export function cpuSeconds(pid: number | undefined): number | undefined {
  const own = procStat(pid);
  if (!own) return undefined;
  // A cluster's workers are the primary's children: their time counts as the server's.
  let total = own.cpu;
  for (const child of childrenOf(pid!)) total += cpuSeconds(child) ?? 0;
  return total;
}

function procStat(pid: number | undefined): { ppid: number; cpu: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, ppid 4, utime 14 and stime 15 (clock ticks).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((p) => procStat(p)?.ppid === pid);
  } catch {
    return [];
  }
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls until something answers HTTP at `url`; fails early if the process dies. */
export async function waitForHttp(url: string, started: Started, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead: number | string | undefined;
  void started.exited.then((code) => (dead = code));
  while (Date.now() < deadline) {
    if (dead !== undefined) throw new Error(`server exited (${dead}) before answering:\n${started.stderr()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms:\n${started.stderr()}`);
}

export function commandExists(name: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      fs.accessSync(`${dir}/${name}`, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
