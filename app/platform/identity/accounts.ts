import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { ApiError, Code, refuse } from '../../core/errors';
import { formatTime } from '../../core/time';
import type { Caller } from '../../core/caller';
import { abuseGuard, type AbuseKind } from '../gateway/abuseGuard';
import { credentialService } from './credentials';
import { pushDeviceService } from './pushDevices';
import { takeAccountReadBy, sessionService, type SessionUser } from '../sessions/sessions';
import { smsCodeService } from '../verify/sms/codes';
import { DuplicateUserError, USER_ACTIVE, userDirectory, type AccountSnapshot, type UserRow } from './users';

export { USER_ACTIVE, type UserRow };

/** The seed's answer of `user.login` and `user.register`. */
export interface Auth {
  token: string;
  open_id: string;
  mobile: string;
  headimg: string;
  nickname: string;
  intro: string;
  reg_time: string | null;
}

export type LoginParams =
  | { mobile: string; login_type: 1; code: string }
  | { mobile: string; login_type: 2; password: string };

/** 13800138000 → 138****8000: the nickname a new member starts with. */
export function maskedMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
}

const notRegistered = () => new ApiError(Code.NOT_REGISTERED, '账号不存在');
const alreadyRegistered = () => new ApiError(Code.ALREADY_REGISTERED, '您的账号已经被占用');
const disabled = () => refuse('账号已被禁用');

/** The session's account if it can still act: gone is a dead session (601), disabled is refused. */
function usable<T extends AccountSnapshot>(user: T | undefined): T {
  if (!user) throw new ApiError(Code.LOGIN_TIMEOUT, '登录超时,请重新登录');
  if (user.status !== USER_ACTIVE) throw disabled();
  return user;
}

/**
 * Members of the main app: registration, the two ways to log in, and the credential changes that end
 * other sessions (catalog decisions 4 and 5). Sessions themselves are `SessionService`'s.
 */
export class AccountService {
  private readonly sessions;
  private readonly credentials;
  private readonly push;
  private readonly users;

  constructor(private readonly app: AppContext) {
    this.users = app.use(userDirectory);
    this.sessions = app.use(sessionService);
    this.credentials = app.use(credentialService);
    this.push = app.use(pushDeviceService);
  }

  findByMobile(mobile: string): Promise<UserRow | undefined> {
    return this.users.byMobile(mobile);
  }

  private async registered(mobile: string): Promise<UserRow> {
    const user = await this.findByMobile(mobile);
    if (!user) throw notRegistered();
    return user;
  }

  /** The logged-in caller's account (as the session check saw it); a session whose user is gone is a dead session. */
  async current(session: SessionUser): Promise<AccountSnapshot> {
    return usable(takeAccountReadBy(session) ?? (await this.users.snapshot(session.userId)));
  }

  /** `current` with the password hash, read from the database, for the methods that check the password. */
  private async currentWithCredentials(session: SessionUser): Promise<UserRow> {
    return usable(await this.users.byId(session.userId));
  }

  /**
   * Products whose users have a public handle (nearby) pass `username`; it is unique like the mobile.
   * 604 is checked before the code so a registered member is sent to login without spending it. The
   * code is checked first and consumed only once the row exists, so of two parallel registrations of
   * one mobile the unique index picks the winner and the loser gets a clean 604.
   */
  async register(params: { mobile: string; code: string; password: string; username?: string }, call: Caller): Promise<Auth> {
    const { mobile } = params;
    // Counted like a failure: an unlimited 604 would let anyone enumerate registered numbers.
    await this.counted(call.ip, 'register', this.findByMobile(mobile).then((found) => {
      if (found) throw alreadyRegistered();
    }));
    const codes = this.app.use(smsCodeService);
    const code = { mobile, key: 'USER_REGISTER_CODE', code: params.code };
    await this.counted(call.ip, 'register', codes.verify({ ...code, consume: false }));
    let user: UserRow;
    try {
      user = await this.users.create({
        mobile,
        username: params.username,
        password_hash: await this.credentials.hashPassword(params.password),
        nickname: maskedMobile(mobile),
        platform: call.platform,
        channel: call.channel.slice(0, 32),
      });
    } catch (err) {
      // A taken public handle is not "already registered": the person may well be new.
      if (err instanceof DuplicateUserError) throw err.field === 'username' ? refuse('the username is already taken') : alreadyRegistered();
      throw err;
    }
    try {
      await codes.verify({ ...code, consume: true });
    } catch (err) {
      // The code went (used or voided) between the check and now: the registration did not happen.
      await this.users.remove(user.id);
      throw err;
    }
    return this.startSession(user, 'register', call);
  }

  async login(params: LoginParams, call: Caller): Promise<Auth> {
    await this.credentials.admitIp(call.ip);
    const user = await this.counted(call.ip, 'login', this.registered(params.mobile));
    await this.credentials.admitAccount(user);
    if (params.login_type === 1) {
      const codes = this.app.use(smsCodeService);
      await this.counted(call.ip, 'login', codes.verify({ mobile: params.mobile, key: 'USER_LOGIN_CODE', code: params.code, consume: true }));
      // Whoever holds the phone is the owner: a code login lifts a password lockout.
      await this.credentials.clearLockout(user);
    } else {
      await this.counted(call.ip, 'login', this.checkPassword(user, params.password));
    }
    // Only after the credential: a stranger does not learn that an account is disabled.
    if (user.status !== USER_ACTIVE) throw disabled();
    return this.startSession(user, 'login', call);
  }

  /** Logout: the session ends for good and, for a phone, its push binding goes with it. */
  async logout(session: SessionUser): Promise<void> {
    await this.sessions.end(session);
    if (session.clientClass === 'app') await this.push.unbind(session.userId);
  }

  /** `user.pwd.edit`: the caller's own session stays valid, every other one answers 606. */
  async changePassword(session: SessionUser, oldPassword: string, newPassword: string): Promise<void> {
    const user = await this.currentWithCredentials(session);
    await this.checkPassword(user, oldPassword);
    if (oldPassword === newPassword) throw refuse('新密码不能与旧密码相同');
    await this.setPassword(user, newPassword, session);
  }

  /** `user.pwd.find`: the phone proves ownership; all older sessions answer 606 and a lockout ends. */
  async resetPassword(params: { mobile: string; code: string; password: string }, call: Caller): Promise<void> {
    const user = await this.counted(call.ip, 'pwd_find', this.registered(params.mobile));
    const codes = this.app.use(smsCodeService);
    await this.counted(call.ip, 'pwd_find', codes.verify({ mobile: params.mobile, key: 'USER_PWD_FIND_CODE', code: params.code, consume: true }));
    if (user.status !== USER_ACTIVE) throw disabled();
    await this.setPassword(user, params.password);
    await this.credentials.clearLockout(user);
  }

  /**
   * `user.mobile.change`: code sent to the new number plus the password; then all older sessions answer
   * 606. The password comes first and every refusal after it counts for the IP ban: "in use" would
   * otherwise tell anyone holding a session which numbers are registered (issue 9, finding 5).
   */
  async changeMobile(session: SessionUser, params: { mobile: string; code: string; password: string }, ip: string): Promise<void> {
    const user = await this.currentWithCredentials(session);
    if (params.mobile === user.mobile) throw refuse('手机号未变化');
    const inUse = () => refuse('该手机号已经被占用');
    await this.counted(ip, 'login', this.checkPassword(user, params.password));
    await this.counted(ip, 'sms', this.findByMobile(params.mobile).then((owner) => {
      if (owner) throw inUse();
    }));
    await this.counted(ip, 'sms', this.app.use(smsCodeService).verify({ mobile: params.mobile, key: 'USER_MOBILE_CHANGE_CODE', code: params.code, consume: true }));
    try {
      await this.users.setMobile(user.id, params.mobile);
    } catch (err) {
      if (err instanceof DuplicateUserError) throw inUse();
      throw err;
    }
    await this.sessions.passwordChanged(user.id);
  }

  async setNickname(session: SessionUser, nickname: string): Promise<string> {
    const user = await this.current(session);
    await this.users.updateProfile(user.id, { nickname });
    return nickname;
  }

  private checkPassword(user: UserRow, password: string): Promise<void> {
    return this.credentials.checkPassword(user, password);
  }

  /** Stores a new password; sessions issued before now answer 606, except `keep`. */
  private async setPassword(user: UserRow, password: string, keep?: SessionUser): Promise<void> {
    await this.users.setPasswordHash(user.id, await this.credentials.hashPassword(password));
    await this.sessions.passwordChanged(user.id, keep);
  }

  private async startSession(user: UserRow, kind: 'login' | 'register', call: Caller): Promise<Auth> {
    const token = await this.sessions.issue(user.id, call.platform, call.apiType);
    await this.app.db('login_log').insert({
      user_id: user.id,
      kind,
      ip: call.ip.slice(0, 45),
      platform: call.platform,
      app_v: call.appV.slice(0, 20),
      channel: call.channel.slice(0, 32),
      c_time: unixSeconds(this.app.clock),
    });
    await this.push.bind(user.id, { deviceToken: call.deviceToken, platform: call.platform, appV: call.appV });
    return {
      token,
      open_id: user.open_id,
      mobile: user.mobile ?? '',
      headimg: user.headimg,
      nickname: user.nickname,
      intro: user.intro,
      reg_time: formatTime(user.c_time),
    };
  }

  private counted<T>(ip: string, kind: AbuseKind, step: Promise<T>): Promise<T> {
    return this.app.use(abuseGuard).counted(ip, kind, step);
  }
}

export const accountService = (app: AppContext): AccountService => new AccountService(app);
