import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { isUniqueViolation, transaction } from '../../../storage/db';
import { accountErrors } from '../errors';
import { stamped, type StoredRow } from './rows';

export const CLIENT_TYPES = ['android', 'ios'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

interface PushClientRow extends StoredRow {
  user_id: number;
  session_id: string;
  client_id: string;
  client_type: ClientType;
  switch: number;
}

export interface PushClient {
  id: number;
  app_id: string;
  created_at: string;
  updated_at: string;
  user_id: number;
  client_id: string;
  client_type: ClientType;
  switch: boolean;
}

function present(row: PushClientRow): PushClient {
  return { ...stamped(row), user_id: Number(row.user_id), client_id: row.client_id, client_type: row.client_type, switch: Boolean(Number(row.switch)) };
}

/**
 * Devices bound to a push provider's client id (decision 11): one client id per appid belongs to whoever
 * bound it last (a device belongs to whoever is logged in on it), with the login (`session_id`) that bound
 * it, so logging out of that login unbinds it. Pushes reach only bindings whose switch is on.
 */
export class PushClientService {
  constructor(private readonly app: AppContext) {}

  /** Binds `clientId` to the user; a first bind (or a device moving from another user) starts switched on. */
  async bind(input: { appid: string; userId: number; sessionId: string; clientId: string; clientType: ClientType }): Promise<PushClient> {
    const where = { app_id: input.appid, client_id: input.clientId };
    const now = unixSeconds(this.app.clock);
    const fields = { user_id: input.userId, session_id: input.sessionId, client_type: input.clientType, u_time: now };
    await transaction(this.app.db, async (trx) => {
      const row: PushClientRow | undefined = await trx('account_push_clients').where(where).forUpdate().first();
      if (row) {
        const keepSwitch = Number(row.user_id) === input.userId;
        await trx('account_push_clients').where({ id: row.id }).update({ ...fields, switch: keepSwitch ? row.switch : 1 });
        return;
      }
      await trx('account_push_clients').insert({ ...where, ...fields, switch: 1, c_time: now });
      // A parallel first bind of the same device won the unique index: run again and take it over as above.
    }, { recover: async (err) => isUniqueViolation(err) });
    return present(await this.app.db('account_push_clients').where(where).first());
  }

  async get(appid: string, userId: number, clientId: string): Promise<PushClient> {
    const row = await this.app.db('account_push_clients').where({ app_id: appid, client_id: clientId, user_id: userId }).first();
    if (!row) throw accountErrors.clientNotBound();
    return present(row);
  }

  async setSwitch(appid: string, userId: number, clientId: string, on: boolean): Promise<void> {
    const count = await this.app.db('account_push_clients')
      .where({ app_id: appid, client_id: clientId, user_id: userId })
      .update({ switch: on ? 1 : 0, u_time: unixSeconds(this.app.clock) });
    if (!count) throw accountErrors.clientNotBound();
  }

  /** Logout: the devices bound by that login receive no more pushes. */
  async unbindSession(sessionId: string): Promise<void> {
    await this.app.db('account_push_clients').where({ session_id: sessionId }).delete();
  }
}

export const pushClientService = (app: AppContext): PushClientService => new PushClientService(app);
