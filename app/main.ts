import cluster from 'node:cluster';
import { ConfigError, loadConfig, type AppConfig } from '../config';
import { createAppContext, startServer } from './bootstrap';
import { demoAppidFile, seedDemoData } from './platform/demo';

function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readConfig(): AppConfig {
  try {
    const config = loadConfig();
    if (config.workers > 1 && !config.redis.url) {
      throw new ConfigError(
        `config: WORKERS=${config.workers} needs REDIS_URL: sessions, SMS codes, rate limits and the replay guard ` +
          'would otherwise be split between processes',
      );
    }
    if (config.workers > 1 && config.db.client === 'sqlite') {
      throw new ConfigError('config: WORKERS>1 needs DB_CLIENT=mysql: one embedded SQLite file is not for several processes');
    }
    return config;
  } catch (err) {
    if (err instanceof ConfigError) exitWith(err.message);
    throw err;
  }
}

async function prepareOnce(config: AppConfig): Promise<void> {
  // Migrations and the demo seed run in one process, before any worker serves.
  const app = await createAppContext(config);
  try {
    if (config.demo.seedOnStart) {
      const created = await seedDemoData(app);
      if (created.length) {
        const lines = created.map((a) => `  ${a.api_type.padEnd(9)} appid=${a.appid}  secret=${a.secret}`);
        process.stdout.write(`Demo appids created (also in ${demoAppidFile(app)}):\n${lines.join('\n')}\n`);
      }
    }
  } finally {
    await app.close();
  }
}

async function serve(config: AppConfig): Promise<void> {
  const app = await createAppContext(config, { migrate: false });
  const runtime = await startServer(app);
  app.logger.info({ url: runtime.url, db: config.db.client, kv: app.kv.kind, env: config.env }, 'listening');
  // A second signal during the drain is not caught: it ends the process at once, as an operator expects.
  const shutdown = (signal: NodeJS.Signals) => {
    app.logger.info({ signal, grace_ms: config.http.shutdownGraceMs }, 'stopping: finishing the calls in flight');
    runtime.stop().then(
      () => process.exit(0),
      (err) => {
        app.logger.error({ err }, 'shutdown failed');
        app.logger.flush();
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** The primary of a cluster: keeps `count` workers serving, replaces a crashed one, stops them all on a signal. */
function superviseWorkers(count: number): void {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(`worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(): Promise<void> {
  const config = readConfig();
  if (cluster.isPrimary) {
    await prepareOnce(config);
    if (config.workers === 1) return serve(config);
    superviseWorkers(config.workers);
    return;
  }
  await serve(config);
}

main().catch((err) => exitWith(`failed to start: ${(err as Error).stack ?? err}`));
