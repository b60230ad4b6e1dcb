import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { userDirectory } from '../../../platform/identity/users';
import { insertId, transaction, type Knex } from '../../../storage/db';
import { accountErrors } from '../errors';
import { assertAccountAppid } from './rows';
import { PushDeliveryError, pushDriverFactory, type PushDevice } from './push/driver';

export const PUSH_SCOPE = { ALL: 0, LISTED: 1 } as const;
export const PUSH_STATUS = { PENDING: 0, SENT: 1, FAILED: 2 } as const;
/** How long one delivery of a push may hold it before another process may take it over. */
const DELIVERY_LEASE_MS = 10 * 60 * 1000;

export interface PushRequest {
  app_id: string;
  push_title: string;
  push_body: string;
  push_scope: number;
  user_ids?: number[];
}

interface PushLogRow {
  id: number;
  app_id: string;
  push_title: string;
  push_body: string;
  push_scope: number;
  push_status: number;
}

/**
 * Staff pushes: a log row (pending) with its targets, then delivery to the bound devices whose switch is
 * on — all of the appid's users (scope 0) or the listed ones (scope 1) — in the driver's batches, and the
 * final status (sent, or failed when no device could be reached). Up to
 * `push.syncLimit` devices are delivered before the method answers; larger pushes stay pending for the
 * job `account.push.deliver`. A KV lease per push keeps two processes from delivering one push twice.
 */
export class PushSender {
  constructor(private readonly app: AppContext) {}

  async send(request: PushRequest, managerId: number): Promise<{ push_id: number }> {
    await assertAccountAppid(this.app, request.app_id);
    const targets = request.push_scope === PUSH_SCOPE.LISTED ? [...new Set(request.user_ids ?? [])] : [];
    if (targets.length) {
      const found = new Set((await this.app.use(userDirectory).byIds(targets)).map((u) => u.id));
      const missing = targets.filter((id) => !found.has(id));
      if (missing.length) throw accountErrors.usersNotFound(missing);
    }
    const now = unixSeconds(this.app.clock);
    const pushId = await transaction(this.app.db, async (trx) => {
      const id = await insertId(
        trx('account_push_logs').insert({
          app_id: request.app_id,
          push_title: request.push_title,
          push_body: request.push_body,
          push_scope: request.push_scope,
          manager_id: managerId,
          push_status: PUSH_STATUS.PENDING,
          c_time: now,
          u_time: now,
        }),
      );
      for (let i = 0; i < targets.length; i += 500) {
        await trx('account_push_log_targets').insert(targets.slice(i, i + 500).map((user_id) => ({ push_log_id: id, user_id })));
      }
      return id;
    });
    const row: PushLogRow = await this.app.db('account_push_logs').where({ id: pushId }).first();
    if ((await this.deviceCount(row)) <= this.app.config.push.syncLimit) await this.deliver(row);
    return { push_id: pushId };
  }

  /** Delivers every pending push (the job); answers how many it finished. */
  async deliverPending(): Promise<{ delivered: number }> {
    const rows: PushLogRow[] = await this.app.db('account_push_logs').where({ push_status: PUSH_STATUS.PENDING }).orderBy('id').limit(100);
    let delivered = 0;
    for (const row of rows) if (await this.deliver(row)) delivered++;
    return { delivered };
  }

  /** The devices a push reaches: switch on, of the appid (all appids for a global push), of the targets for scope 1. */
  private devices(row: PushLogRow): Knex.QueryBuilder {
    const query = this.app.db('account_push_clients as c').where('c.switch', 1);
    if (row.app_id !== '') query.where('c.app_id', row.app_id);
    if (Number(row.push_scope) === PUSH_SCOPE.LISTED) {
      query.whereIn('c.user_id', this.app.db('account_push_log_targets').where({ push_log_id: row.id }).select('user_id'));
    }
    return query;
  }

  private async deviceCount(row: PushLogRow): Promise<number> {
    const [{ n }] = await this.devices(row).count({ n: '*' });
    return Number(n);
  }

  /** One delivery under the push's lease; false when another process holds it or it is no longer pending. */
  private async deliver(row: PushLogRow): Promise<boolean> {
    const lease = `account:push:deliver:${row.id}`;
    const holder = `${process.pid}:${this.app.clock.now()}:${Math.random()}`;
    if (!(await this.app.kv.set(lease, holder, { ttlMs: DELIVERY_LEASE_MS, onlyIfAbsent: true }))) return false;
    try {
      const current = await this.app.db('account_push_logs').where({ id: row.id }).first('push_status');
      if (Number(current?.push_status) !== PUSH_STATUS.PENDING) return false;
      const driver = this.app.use(pushDriverFactory);
      let sent = 0;
      let failed = 0;
      let afterId = 0;
      for (;;) {
        const batch: Array<PushDevice & { id: number }> = await this.devices(row)
          .where('c.id', '>', afterId)
          .orderBy('c.id')
          .limit(driver.batchSize)
          .select('c.id', 'c.client_id', 'c.client_type');
        if (batch.length === 0) break;
        afterId = Number(batch[batch.length - 1].id);
        try {
          await driver.send({ push_id: row.id, title: row.push_title, body: row.push_body, devices: batch.map((d) => ({ client_id: d.client_id, client_type: d.client_type })) });
          sent += batch.length;
        } catch (err) {
          if (!(err instanceof PushDeliveryError)) throw err;
          failed += batch.length;
          this.app.logger.warn({ push_id: row.id, devices: batch.length, err: err.message }, 'push batch failed');
        }
      }
      // Failed only when devices were to be reached and none was: the history shows a push anyone received.
      const status = failed > 0 && sent === 0 ? PUSH_STATUS.FAILED : PUSH_STATUS.SENT;
      await this.app.db('account_push_logs')
        .where({ id: row.id, push_status: PUSH_STATUS.PENDING })
        .update({ push_status: status, sent_count: sent, failed_count: failed, u_time: unixSeconds(this.app.clock) });
      return true;
    } finally {
      await this.app.kv.delIfValue(lease, holder);
    }
  }
}

export const pushSender = (app: AppContext): PushSender => new PushSender(app);
