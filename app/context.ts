import type { AppConfig } from '../config';
import type { Clock } from './core/clock';
import type { Logger } from './core/logger';
import type { Knex } from './storage/db';
import type { KvStore } from './storage/kv';

/** Builds one service from the shared resources; called at most once per AppContext. */
export type ServiceFactory<T> = (app: AppContext) => T;

/**
 * The shared resources of one server process, and a memo of the services built on them.
 * A service is any factory `(app) => instance`; `app.use(factory)` builds it once and returns the same
 * instance after that, so services need no central list and tests can `provide` a double instead.
 */
export class AppContext {
  private readonly services = new Map<ServiceFactory<unknown>, unknown>();
  private readonly closers: Array<() => Promise<void> | void> = [];

  constructor(
    readonly config: AppConfig,
    readonly db: Knex,
    readonly kv: KvStore,
    readonly clock: Clock,
    readonly logger: Logger,
  ) {}

  use<T>(factory: ServiceFactory<T>): T {
    if (!this.services.has(factory)) this.services.set(factory, factory(this));
    return this.services.get(factory) as T;
  }

  /** Replaces a service with a given instance (fault injection and fakes in tests). */
  provide<T>(factory: ServiceFactory<T>, instance: T): void {
    this.services.set(factory, instance);
  }

  /** Runs `fn` when the context closes, before the stores do (a service flushing what it holds). */
  onClose(fn: () => Promise<void> | void): void {
    this.closers.push(fn);
  }

  /**
   * Runs `flush` every `everyMs` without keeping the process alive, and once more when the context
   * closes: for services that count in process and share their counts through the KV store.
   */
  flushEvery(everyMs: number, flush: () => Promise<void>): void {
    const timer = setInterval(() => void flush(), everyMs);
    timer.unref();
    this.onClose(async () => {
      clearInterval(timer);
      await flush();
    });
  }

  async close(): Promise<void> {
    for (const fn of this.closers.splice(0)) await fn();
    await this.kv.close();
    await this.db.destroy();
  }
}
