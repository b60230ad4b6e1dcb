import type { AppConfig } from '../config';
import { migrateLatest } from '../db/migrator';
import { systemClock, type Clock } from './core/clock';
import { createLogger, type Logger } from './core/logger';
import { jobRunner } from './platform/jobs/runner';
import { installReferenceData } from './platform/reference/install';
import { AppContext } from './context';
import { discoverMethods, type MethodRegistry } from './registry/registry';
import { createDb } from './storage/db';
import { ReadCache, watchWrites } from './storage/readCache';
import { createKvStore, type KvStore } from './storage/kv';
import type { RedisTimeouts } from './storage/kv/redis';
import { trackCalls } from './transport/drain';
import { answerClientErrors, createHttpApp } from './transport/http';
import { extraGetRoutes } from './transport/routes';
import type http from 'node:http';

export interface Runtime {
  app: AppContext;
  registry: MethodRegistry;
  server: http.Server;
  url: string;
  /** Stops taking calls, lets those in flight finish (at most `graceMs`), closes the stores, flushes the log. */
  stop(graceMs?: number): Promise<void>;
}

/** The configured Redis timeouts, with outages and recoveries logged once each. */
export function redisTimeouts(config: AppConfig, logger: Logger): RedisTimeouts {
  return {
    commandTimeoutMs: config.redis.commandTimeoutMs,
    reconnectMaxMs: config.redis.reconnectMaxMs,
    onConnectionChange(up, err) {
      if (up) logger.info('redis connection is back');
      else logger.error({ err: err?.message }, 'redis connection lost: calls needing it answer 500 until it is back');
    },
  };
}

/** Database, KV store, logger and clock for one process, with the schema and the reference data brought up to date. */
export async function createAppContext(
  config: AppConfig,
  options: { clock?: Clock; logger?: Logger; kv?: KvStore; migrate?: boolean } = {},
): Promise<AppContext> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = createDb(config.db, logger);
  const kv = options.kv ?? createKvStore({ redisUrl: config.redis.url, keyPrefix: config.redis.keyPrefix, clock, timeouts: redisTimeouts(config, logger) });
  const app = new AppContext(config, db, kv, clock, logger);
  const cacheError = (err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'read cache');
  const readCache = new ReadCache(kv, cacheError, config.paging.totalTtlMs, config.paging.listTtlMs, config.paging.staleGraceMs, clock);
  watchWrites(db, readCache, cacheError);
  app.onClose(() => readCache.idle());
  if (options.migrate !== false) {
    await migrateLatest(db);
    await installReferenceData(app);
  }
  return app;
}

/** Starts the HTTP server for an AppContext (and, unless `jobs.schedule` is off, the job schedule); the registry is discovered from app/methods. */
export async function startServer(app: AppContext, registry: MethodRegistry = discoverMethods()): Promise<Runtime> {
  const koa = createHttpApp(app, registry, extraGetRoutes);
  const server = koa.listen(app.config.port, app.config.host);
  const calls = trackCalls(server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  answerClientErrors(server);
  // Slow-loris and idle-connection limits: a client may not hold a socket open for free.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  // Every worker schedules; the KV leases make each run happen once across all of them.
  if (app.config.jobs.schedule) app.use(jobRunner).start();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : app.config.port;
  const host = app.config.host === '0.0.0.0' ? '127.0.0.1' : app.config.host;
  return {
    app,
    registry,
    server,
    url: `http://${host}:${port}`,
    async stop(graceMs = app.config.http.shutdownGraceMs) {
      const cut = await calls.drain(graceMs);
      if (cut > 0) app.logger.warn({ cut, grace_ms: graceMs }, 'shutdown: calls still running after the grace period were cut');
      await app.close();
      await new Promise<void>((resolve) => app.logger.flush(() => resolve()));
    },
  };
}
