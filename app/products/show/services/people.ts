import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { DuplicateUserError, USER_STATUS, userDirectory, type UserProfile, type UserRow } from '../../../platform/identity/users';
import type { Knex } from '../../../storage/db';
import { showErrors } from '../errors';
import { offsetPage, type OffsetPage } from './paging';

/** `category` (decision 11). */
export const CATEGORY = { ORDINARY: 0, MASTER: 1, MERCHANT: 2 } as const;
export type Category = (typeof CATEGORY)[keyof typeof CATEGORY];

/** The catalogue's UserInfo. */
export interface UserInfo {
  uid: string;
  nickname: string;
  avatar: string;
  gender: number;
  country: string;
  province: string;
  city: string;
  /** Unix ms of the day's start in Asia/Shanghai (decision 8); null when unknown. */
  birthday: number | null;
  phone: string;
  email: string;
  category: number;
  /** 0 active, 1 disabled (decision 11; the shared account stores the reverse). */
  status: number;
  score: number;
  invitation_code: string | null;
  inviter: string | null;
  intro: string;
  created_at: number;
}

export interface ShowProfileChanges extends Partial<Omit<UserProfile, 'birthday'>> {
  /** Unix ms (decision 8). */
  birthday?: number;
  email?: string;
}

interface ShowUserRow {
  user_id: number;
  category: number;
  score: number;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The shared account keeps a birthday as a date; the wire has it as the ms its day starts in Shanghai. */
export function birthdayMs(date: string | null): number | null {
  if (!date) return null;
  const ms = Date.parse(`${date}T00:00:00+08:00`);
  return Number.isFinite(ms) ? ms : null;
}

export function birthdayDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 18612342222 → 186****2222 (decision 10); short foreign numbers keep only their last four. */
export function maskPhone(phone: string | null): string {
  if (!phone) return '';
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : `****${phone.slice(-4)}`;
}

/**
 * Show users: the shared account (platform user directory) plus the product's own row (`show_users`:
 * category, score). Methods name people by `uid` (the open_id); the numeric id stays inside.
 */
export class ShowPeople {
  constructor(private readonly app: AppContext) {}

  private get users() {
    return this.app.use(userDirectory);
  }

  /** Gives a shared account its show row (signup, and anyone arriving from another product). */
  async enrol(userId: number, db: Knex | Knex.Transaction = this.app.db): Promise<void> {
    await db('show_users').insert({ user_id: userId, c_time: unixSeconds(this.app.clock) }).onConflict('user_id').ignore();
  }

  /** The account `uid` names, or 503 user not found. */
  async byUid(uid: string): Promise<UserRow> {
    const user = await this.users.byOpenId(uid);
    if (!user) throw showErrors.userNotFound();
    return user;
  }

  /** The id behind a uid for a relation with `me`: 503 when unknown or (unless allowed) the caller. */
  async other(me: number, uid: string, selfError = showErrors.yourself): Promise<number> {
    const user = await this.byUid(uid);
    if (user.id === me) throw selfError();
    return user.id;
  }

  /** id → uid for the rows an answer names. */
  async uids(ids: readonly number[]): Promise<Map<number, string>> {
    const rows = await this.users.byIds(ids);
    return new Map(rows.map((row) => [row.id, row.open_id]));
  }

  async info(userId: number): Promise<UserInfo> {
    const user = await this.users.byId(userId);
    if (!user) throw showErrors.userNotFound();
    return this.present(user);
  }

  /** Another user's card: the phone masked, the e-mail blank (decision 10). */
  async publicInfo(uid: string): Promise<UserInfo> {
    const info = await this.present(await this.byUid(uid));
    return { ...info, phone: maskPhone(info.phone), email: '' };
  }

  async updateProfile(userId: number, changes: ShowProfileChanges): Promise<void> {
    const { birthday, email, ...profile } = changes;
    const shared: Partial<UserProfile> = { ...profile };
    if (birthday !== undefined) shared.birthday = birthdayDate(birthday);
    if (Object.keys(shared).length > 0) await this.users.updateProfile(userId, shared);
    if (email !== undefined) {
      try {
        await this.users.setIdentifiers(userId, { email });
      } catch (err) {
        if (err instanceof DuplicateUserError) throw showErrors.emailTaken();
        throw err;
      }
    }
  }

  /** `adminId`: the back-office user who set it (0 = the system). */
  async setCategory(userId: number, category: Category, db: Knex | Knex.Transaction = this.app.db, adminId = 0): Promise<void> {
    await this.enrol(userId, db);
    await db('show_users').where({ user_id: userId }).update({ category, u_time: unixSeconds(this.app.clock), u_by: adminId });
  }

  /** Users of category 1, newest first (`get.master.list`). */
  async masters(page: { limit: number; offset: number }): Promise<OffsetPage<UserRow>> {
    const ids = await offsetPage<{ user_id: number }>(
      this.app.db('show_users').where({ category: CATEGORY.MASTER }).select('user_id').orderBy('user_id', 'desc'),
      page,
    );
    const rows = await this.users.byIds(ids.rows.map((r) => Number(r.user_id)));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return { ...ids, rows: ids.rows.map((r) => byId.get(Number(r.user_id))).filter((row): row is UserRow => !!row) };
  }

  private async present(user: UserRow): Promise<UserInfo> {
    const own = (await this.app.db('show_users').where({ user_id: user.id }).first()) as ShowUserRow | undefined;
    return {
      uid: user.open_id,
      nickname: user.nickname ?? '',
      avatar: user.headimg ?? '',
      gender: user.gender,
      country: user.area_code,
      province: user.province ?? '',
      city: user.city ?? '',
      birthday: birthdayMs(user.birthday),
      phone: user.mobile ?? '',
      email: user.email ?? '',
      category: Number(own?.category ?? CATEGORY.ORDINARY),
      status: user.status === USER_STATUS.ACTIVE ? 0 : 1,
      score: Number(own?.score ?? 0),
      invitation_code: null,
      inviter: null,
      intro: user.intro ?? '',
      created_at: user.c_time,
    };
  }
}

export const showPeople = (app: AppContext): ShowPeople => new ShowPeople(app);
