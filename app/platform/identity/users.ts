import crypto from 'node:crypto';
import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { isUniqueViolation, insertId, type Knex } from '../../storage/db';
import { FixedRead } from '../../storage/fixedReads';
import { scopedWrite } from '../../storage/readCache';
import { cachedScopedList } from '../paging';

/**
 * One person, one account across the products (an account centre): who they are (phone with area
 * code, e-mail, username), how they prove it (password), whether they may (status, role) and the
 * profile every product shows. Product-only fields live in the product's own tables, keyed by `id`.
 */
export interface UserRow {
  id: number;
  /** 32 hex: the identifier products and the back office show; the numeric id stays internal. */
  open_id: string;
  area_code: string;
  /** The national number within `area_code`; null for an e-mail-only account. */
  mobile: string | null;
  /** Lower-case; null when none. */
  email: string | null;
  /** Lower-case public handle; null when none. Products decide its shape (nearby: letter first, 4–11). */
  username: string | null;
  /** scrypt (passwords.ts); '' = no password set yet. */
  password_hash: string;
  nickname: string;
  headimg: string;
  intro: string;
  /** The platform (1 iOS, 2 Android, …) and channel the account registered from. */
  platform: number;
  channel: string;
  status: number;
  role: number;
  gender: number;
  /** YYYY-MM-DD, or null when unknown. */
  birthday: string | null;
  province: string;
  city: string;
  address: string;
  /** Unix ms of the last credential change (password, mobile). */
  pwd_changed_at: number;
  c_time: number;
  u_time: number;
}

export const USER_STATUS = { DISABLED: 0, ACTIVE: 1 } as const;
export const USER_ACTIVE = USER_STATUS.ACTIVE;
export const ROLE = { USER: 0, STAFF: 1 } as const;
export const GENDER = { FEMALE: 0, MALE: 1, SECRET: 2 } as const;
/** Mainland China: the area of every number the `app` namespace knows. */
export const DEFAULT_AREA_CODE = '86';

/** What identifies an account; the first one given wins (`mobile` goes with `area_code`, default 86). */
export interface UserRef {
  id?: number;
  open_id?: string;
  mobile?: string;
  area_code?: string;
  email?: string;
  username?: string;
}

/** The profile every product may show and let its user edit. */
export type UserProfile = Pick<UserRow, 'nickname' | 'headimg' | 'intro' | 'gender' | 'birthday' | 'province' | 'city' | 'address'>;

export interface NewUser extends Partial<UserProfile> {
  area_code?: string;
  mobile?: string | null;
  email?: string | null;
  username?: string | null;
  password_hash?: string;
  platform?: number;
  channel?: string;
  status?: number;
  role?: number;
  /** Only demo data and tests choose these; otherwise random / now. */
  open_id?: string;
  c_time?: number;
}

/** The unique identifier a write collided with. */
export type UniqueUserField = 'mobile' | 'email' | 'username' | 'open_id';

/** A create or update would give two accounts the same phone, e-mail, username or open_id. */
export class DuplicateUserError extends Error {
  constructor(readonly field: UniqueUserField) {
    super(`another account has this ${field}`);
  }
}

/** '' and whitespace mean "none" (NULL, which never collides); otherwise trimmed and lower-cased. */
export function normaliseEmail(email: string | null | undefined): string | null {
  const value = (email ?? '').trim().toLowerCase();
  return value === '' ? null : value;
}

/**
 * Usernames are handles people type to find each other, so `Alice` and `alice` must be one account:
 * stored lower-case (compared byte for byte on both engines), '' meaning none.
 */
export const normaliseUsername = normaliseEmail;

/** Which unique index a violation hit, from either engine's message (SQLite names columns, MySQL the index). */
function duplicateField(err: unknown): UniqueUserField {
  const message = String((err as Error)?.message ?? '');
  for (const field of ['email', 'username', 'open_id'] as const) {
    if (message.includes(`users.${field}`) || message.includes(`users_${field}_unique`)) return field;
  }
  return 'mobile';
}

async function translated<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isUniqueViolation(err)) throw new DuplicateUserError(duplicateField(err));
    throw err;
  }
}

type Db = Knex | Knex.Transaction;

/** What every call with a session knows of its member: the row but its password hash. */
export type AccountSnapshot = Omit<UserRow, 'password_hash'>;

/** A write to one account's row: it ends that account's cached snapshot, and no other. */
function ownRow<Q extends Knex.QueryBuilder>(id: number, query: Q): Q {
  return scopedWrite(query, 'id', id);
}

const BY_ID = new FixedRead<UserRow>('select * from users where id = ? limit 1');

/**
 * The only code that touches the `users` table (test/architecture.test.ts holds every other file to
 * it): lookups by any identifier, creation, and the writes products and the back office need.
 * Identifiers are normalised here, once, so a lookup finds what a write stored.
 */
export class UserDirectory {
  constructor(private readonly app: AppContext) {}

  private table(db: Db = this.app.db): Knex.QueryBuilder {
    return db('users');
  }

  private where(query: Knex.QueryBuilder, ref: UserRef): Knex.QueryBuilder | null {
    if (ref.id !== undefined) return query.where({ id: ref.id });
    if (ref.open_id !== undefined) return query.where({ open_id: ref.open_id });
    if (ref.mobile !== undefined) return query.where({ area_code: ref.area_code ?? DEFAULT_AREA_CODE, mobile: ref.mobile });
    if (ref.email !== undefined) {
      const email = normaliseEmail(ref.email);
      return email === null ? null : query.where({ email });
    }
    if (ref.username !== undefined) {
      const username = normaliseUsername(ref.username);
      return username === null ? null : query.where({ username });
    }
    return null;
  }

  /** The account `ref` names, or undefined (also when `ref` names nothing). */
  async find(ref: UserRef, db?: Db): Promise<UserRow | undefined> {
    const query = this.where(this.table(db), ref);
    if (!query) return undefined;
    const row = (await query.first()) as UserRow | undefined;
    return row && withNumbers(row);
  }

  /**
   * The account as the session check sees it on every call, without its password hash (which stays in
   * the database only): kept in the KV store until a write to this account (`ownRow`) or any write to
   * `users` that does not say whose row it is, so a hit costs no query. A change made straight in the
   * database, outside the app, shows within the list TTL + grace (20 s by default).
   */
  async snapshot(id: number): Promise<AccountSnapshot | undefined> {
    const row = await cachedScopedList(this.app.db, [['users', 'id', id]], `account:${id}`, async () => {
      const found = await this.byId(id);
      if (!found) return null;
      const { password_hash: _secret, ...shown } = found;
      return shown;
    });
    return row.value() ?? undefined;
  }

  /** Every session check reads the member by id: a fixed read, not a query built each time. */
  async byId(id: number, db: Db = this.app.db): Promise<UserRow | undefined> {
    const row = await BY_ID.first(db, [id]);
    return row && withNumbers(row);
  }

  byOpenId(openId: string): Promise<UserRow | undefined> {
    return this.find({ open_id: openId });
  }

  byMobile(mobile: string, areaCode: string = DEFAULT_AREA_CODE): Promise<UserRow | undefined> {
    return this.find({ mobile, area_code: areaCode });
  }

  byEmail(email: string): Promise<UserRow | undefined> {
    return this.find({ email });
  }

  byUsername(username: string): Promise<UserRow | undefined> {
    return this.find({ username });
  }

  /** The accounts among `ids` (any order; unknown ids are left out). */
  async byIds(ids: readonly number[], db?: Db): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    const rows = (await this.table(db).whereIn('id', [...new Set(ids)])) as UserRow[];
    return rows.map(withNumbers);
  }

  /** A sub-query of the ids `ref` names, for `whereIn('user_id', …)` filters that must stay one query. */
  idsOf(ref: UserRef, db?: Db): Knex.QueryBuilder {
    return this.where(this.table(db).select('id'), ref) ?? this.table(db).select('id').whereRaw('1 = 0');
  }

  /** The account's status alone (the session check on every call reads only this). */
  async statusOf(id: number): Promise<number | undefined> {
    const row = (await this.table().where({ id }).first('status')) as { status: number } | undefined;
    return row ? Number(row.status) : undefined;
  }

  /** Holds the account's row until `trx` ends: serialises one member's writes (addresses' default flag). */
  async lock(trx: Knex.Transaction, id: number): Promise<void> {
    await this.table(trx).where({ id }).forUpdate().first('id');
  }

  /** A new account; throws DuplicateUserError when its phone, e-mail or username is taken. */
  async create(user: NewUser, db?: Db): Promise<UserRow> {
    const now = unixSeconds(this.app.clock);
    const { email, username, mobile, ...rest } = user;
    // A new row changes no account kept so far (ids are not reused while a session may name them).
    const id = await translated(
      insertId(
        scopedWrite(this.table(db), 'id', 'new').insert({
          ...rest,
          open_id: user.open_id ?? crypto.randomBytes(16).toString('hex'),
          area_code: user.area_code ?? DEFAULT_AREA_CODE,
          mobile: mobile ?? null,
          email: normaliseEmail(email),
          username: normaliseUsername(username),
          status: user.status ?? USER_ACTIVE,
          c_time: user.c_time ?? now,
          u_time: user.c_time ?? now,
        }),
      ),
    );
    return (await this.byId(id, db))!;
  }

  /** Removes an account outright (a registration whose code went away under it). */
  async remove(id: number): Promise<void> {
    await ownRow(id, this.table().where({ id })).delete();
  }

  /** Changes profile fields; answers whether the account exists. */
  updateProfile(id: number, profile: Partial<UserProfile>): Promise<boolean> {
    return this.write(id, profile);
  }

  setStatus(id: number, status: number): Promise<boolean> {
    return this.write(id, { status });
  }

  setRole(id: number, role: number): Promise<boolean> {
    return this.write(id, { role });
  }

  /** Changes e-mail or username; throws DuplicateUserError when another account has it. */
  setIdentifiers(id: number, identifiers: { email?: string | null; username?: string | null }): Promise<boolean> {
    const changes: Partial<UserRow> = {};
    if ('email' in identifiers) changes.email = normaliseEmail(identifiers.email);
    if ('username' in identifiers) changes.username = normaliseUsername(identifiers.username);
    return this.write(id, changes);
  }

  /**
   * A new phone number: a credential change (`pwd_changed_at` = now), so the caller also ends older
   * sessions. Throws DuplicateUserError when another account has the number.
   */
  setMobile(id: number, mobile: string, areaCode: string = DEFAULT_AREA_CODE): Promise<boolean> {
    return this.write(id, { area_code: areaCode, mobile, pwd_changed_at: this.app.clock.now() });
  }

  /** A new password (its hash): a credential change, so the caller also ends older sessions. */
  setPasswordHash(id: number, passwordHash: string): Promise<boolean> {
    return this.write(id, { password_hash: passwordHash, pwd_changed_at: this.app.clock.now() });
  }

  /** The same password under a newer hashing cost: not a change, nothing else moves. */
  async rehashPassword(id: number, passwordHash: string): Promise<void> {
    await ownRow(id, this.table().where({ id })).update({ password_hash: passwordHash });
  }

  private async write(id: number, changes: Partial<UserRow>): Promise<boolean> {
    const count = await translated(ownRow(id, this.table().where({ id })).update({ ...changes, u_time: unixSeconds(this.app.clock) }));
    return Number(count) > 0;
  }
}

/** MySQL answers BIGINT columns as strings (supportBigNumbers); the row's numbers are numbers. */
function withNumbers(row: UserRow): UserRow {
  return {
    ...row,
    id: Number(row.id),
    status: Number(row.status),
    role: Number(row.role),
    gender: Number(row.gender),
    platform: Number(row.platform),
    pwd_changed_at: Number(row.pwd_changed_at),
    c_time: Number(row.c_time),
    u_time: Number(row.u_time),
  };
}

export const userDirectory = (app: AppContext): UserDirectory => new UserDirectory(app);
