import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { formatTime, shanghaiDay } from '../../../core/time';
import { uploadService } from '../../../platform/files/uploads';
import { USER_ACTIVE, userDirectory, type UserProfile, type UserRow } from '../../../platform/identity/users';
import type { Knex } from '../../../storage/db';
import { accountErrors } from '../errors';

/** The catalogue's User. */
export interface AccountUserView {
  id: number;
  area: string;
  phone: string;
  email: string;
  openid: string;
  role: number;
  username: string;
  is_active: boolean;
  app_id: string;
  created_at: string;
  updated_at: string;
  nickname: string;
  avatar: string;
  gender: number;
  birthday: string;
  address: string;
}

export interface ProfileChanges {
  nickname?: string;
  /** A file id or a URL of this server's files; '' clears it. */
  avatar?: string;
  gender?: number;
  /** YYYY-MM-DD; '' clears it. */
  birthday?: string;
  address?: string;
}

/**
 * The person behind an account session, as the catalogue shows them (decisions 3, 5, 6): the shared user
 * plus the appid they signed up through (`account_members`, '' for someone who came from another product).
 */
export class MemberService {
  constructor(private readonly app: AppContext) {}

  /** Records which appid a new account signed up through (inside the sign-up's own write). */
  async joined(userId: number, appid: string, db: Knex | Knex.Transaction = this.app.db): Promise<void> {
    await db('account_members').insert({ user_id: userId, app_id: appid, c_time: unixSeconds(this.app.clock) });
  }

  async view(userId: number): Promise<AccountUserView> {
    const [user, member] = await Promise.all([
      this.app.use(userDirectory).byId(userId),
      this.app.db('account_members').where({ user_id: userId }).first('app_id'),
    ]);
    if (!user) throw accountErrors.sessionGone();
    return present(user, member?.app_id ?? '');
  }

  async update(userId: number, changes: ProfileChanges): Promise<AccountUserView> {
    const profile: Partial<UserProfile> = {};
    if (changes.nickname !== undefined) profile.nickname = changes.nickname;
    if (changes.gender !== undefined) profile.gender = changes.gender;
    if (changes.address !== undefined) profile.address = changes.address;
    if (changes.birthday !== undefined) {
      if (changes.birthday !== '' && changes.birthday >= today(this.app.clock.now())) throw accountErrors.birthdayNotPast();
      profile.birthday = changes.birthday === '' ? null : changes.birthday;
    }
    if (changes.avatar !== undefined) {
      profile.headimg = changes.avatar === '' ? '' : (await this.app.use(uploadService).resolve(changes.avatar, { label: 'avatar' })).url;
    }
    if (Object.keys(profile).length === 0) throw accountErrors.nothingToUpdate();
    if (!(await this.app.use(userDirectory).updateProfile(userId, profile))) throw accountErrors.sessionGone();
    return this.view(userId);
  }
}

/** "YYYY-MM-DD" of today in Asia/Shanghai. */
function today(ms: number): string {
  const day = shanghaiDay(ms);
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

function present(user: UserRow, appid: string): AccountUserView {
  const phone = user.mobile ?? '';
  const email = user.email ?? '';
  return {
    id: user.id,
    area: user.area_code,
    phone,
    email,
    openid: user.open_id,
    role: user.role,
    username: user.username ?? (phone || email),
    is_active: user.status === USER_ACTIVE,
    app_id: appid,
    created_at: formatTime(user.c_time) ?? '',
    updated_at: formatTime(user.u_time) ?? '',
    nickname: user.nickname,
    avatar: user.headimg,
    gender: user.gender,
    birthday: user.birthday ?? '',
    address: user.address,
  };
}

export const memberService = (app: AppContext): MemberService => new MemberService(app);
