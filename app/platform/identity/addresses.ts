import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { refuse } from '../../core/errors';
import { insertId, transaction, type Knex } from '../../storage/db';
import { districtService, type DistrictNames } from '../reference/districts';
import { userDirectory } from './users';

export const MAX_ADDRESSES = 5;
const LIVE = 1;
const DELETED = 2;

interface AddressRow {
  addressid: number;
  user_id: number;
  realname: string;
  mobile: string;
  districtid: number;
  address: string;
  is_default: number;
  status: number;
  c_time: number;
  u_time: number;
}

/** The seed's address shape (Addr). */
export interface Address extends DistrictNames {
  addressid: number;
  realname: string;
  mobile: string;
  districtid: number;
  address: string;
  is_default: number;
}

export interface AddressFields {
  realname: string;
  mobile: string;
  district_id: number;
  address: string;
  is_default: 0 | 1;
}

const notFound = () => refuse('收货地址不存在');

/**
 * A member's delivery addresses (catalog decision 11): at most five live ones; while any lives exactly
 * one is the default — the first one is, deleting it promotes the newest. Every change that touches the
 * default or the count runs in a transaction holding the member's account row (UserDirectory.lock), so parallel calls of one
 * member queue instead of leaving two defaults or six addresses.
 */
export class AddressService {
  constructor(private readonly app: AppContext) {}

  /** Live addresses, the default first, then newest first. */
  async list(userId: number): Promise<Address[]> {
    const rows: AddressRow[] = await this.app.db('user_addresses')
      .where({ user_id: userId, status: LIVE })
      .orderBy([{ column: 'is_default', order: 'desc' }, { column: 'addressid', order: 'desc' }]);
    return this.present(rows);
  }

  /** One live address of the member (order submission snapshots it), or 503. */
  async get(userId: number, addressid: number): Promise<Address> {
    const row: AddressRow | undefined = await this.app.db('user_addresses').where({ addressid, user_id: userId, status: LIVE }).first();
    if (!row) throw notFound();
    return (await this.present([row]))[0];
  }

  async add(userId: number, fields: AddressFields): Promise<number> {
    await this.app.use(districtService).requireAddressable(fields.district_id);
    const now = unixSeconds(this.app.clock);
    return transaction(this.app.db, async (trx) => {
      await this.app.use(userDirectory).lock(trx, userId);
      const [{ n }] = await trx('user_addresses').where({ user_id: userId, status: LIVE }).count<{ n: number }[]>({ n: '*' });
      if (Number(n) >= MAX_ADDRESSES) throw refuse(`最多允许创建${MAX_ADDRESSES}个收货地址`);
      const first = Number(n) === 0;
      const makeDefault = fields.is_default === 1 || first;
      if (makeDefault && !first) await clearDefault(trx, userId, now);
      return insertId(
        trx('user_addresses').insert({
          user_id: userId,
          realname: fields.realname,
          mobile: fields.mobile,
          districtid: fields.district_id,
          address: fields.address,
          is_default: makeDefault ? 1 : 0,
          status: LIVE,
          c_time: now,
          u_time: now,
        }),
      );
    });
  }

  /** Changes the given fields. `is_default: 1` moves the default here; 0 never leaves the member without one. */
  async edit(userId: number, addressid: number, fields: Partial<AddressFields>): Promise<void> {
    if (fields.district_id !== undefined) await this.app.use(districtService).requireAddressable(fields.district_id);
    const now = unixSeconds(this.app.clock);
    const changes: Partial<AddressRow> = { u_time: now };
    if (fields.realname !== undefined) changes.realname = fields.realname;
    if (fields.mobile !== undefined) changes.mobile = fields.mobile;
    if (fields.district_id !== undefined) changes.districtid = fields.district_id;
    if (fields.address !== undefined) changes.address = fields.address;
    await transaction(this.app.db, async (trx) => {
      await this.app.use(userDirectory).lock(trx, userId);
      await liveAddress(trx, userId, addressid);
      if (fields.is_default === 1) await clearDefault(trx, userId, now);
      await trx('user_addresses')
        .where({ addressid })
        .update({ ...changes, ...(fields.is_default === 1 ? { is_default: 1 } : {}) });
    });
  }

  /** Soft delete; deleting the default promotes the newest remaining address. */
  async remove(userId: number, addressid: number): Promise<void> {
    const now = unixSeconds(this.app.clock);
    await transaction(this.app.db, async (trx) => {
      await this.app.use(userDirectory).lock(trx, userId);
      const row = await liveAddress(trx, userId, addressid);
      await trx('user_addresses').where({ addressid }).update({ status: DELETED, is_default: 0, u_time: now });
      if (!row.is_default) return;
      const newest: AddressRow | undefined = await trx('user_addresses').where({ user_id: userId, status: LIVE }).orderBy('addressid', 'desc').first();
      if (newest) await trx('user_addresses').where({ addressid: newest.addressid }).update({ is_default: 1, u_time: now });
    });
  }

  async setDefault(userId: number, addressid: number): Promise<void> {
    const now = unixSeconds(this.app.clock);
    await transaction(this.app.db, async (trx) => {
      await this.app.use(userDirectory).lock(trx, userId);
      await liveAddress(trx, userId, addressid);
      await clearDefault(trx, userId, now);
      await trx('user_addresses').where({ addressid }).update({ is_default: 1, u_time: now });
    });
  }

  private async present(rows: AddressRow[]): Promise<Address[]> {
    const names = await this.app.use(districtService).names(rows.map((r) => r.districtid));
    return rows.map((r) => ({
      addressid: r.addressid,
      realname: r.realname,
      mobile: r.mobile,
      districtid: r.districtid,
      address: r.address,
      ...names.get(r.districtid)!,
      is_default: r.is_default ? 1 : 0,
    }));
  }
}


async function liveAddress(trx: Knex.Transaction, userId: number, addressid: number): Promise<AddressRow> {
  const row: AddressRow | undefined = await trx('user_addresses').where({ addressid, user_id: userId, status: LIVE }).first();
  if (!row) throw notFound();
  return row;
}

/**
 * Finds the default with a plain read and clears it by primary key. An UPDATE by (user_id, status) would
 * lock the index range up to the next member's rows even when it matches nothing (a first address), and
 * neighbours adding their own first addresses then deadlock on that gap. The plain read is exact: every
 * writer of a member's addresses holds the member's row (UserDirectory.lock) first.
 */
async function clearDefault(trx: Knex.Transaction, userId: number, now: number): Promise<void> {
  const defaults: number[] = await trx('user_addresses').where({ user_id: userId, status: LIVE, is_default: 1 }).pluck('addressid');
  if (defaults.length > 0) await trx('user_addresses').whereIn('addressid', defaults).update({ is_default: 0, u_time: now });
}

export const addressService = (app: AppContext): AddressService => new AddressService(app);
