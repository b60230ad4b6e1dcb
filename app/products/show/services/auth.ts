import type { AppContext } from '../../../context';
import { ApiError, Code } from '../../../core/errors';
import type { Caller, SessionUser } from '../../../core/caller';
import { abuseGuard, type AbuseKind } from '../../../platform/gateway/abuseGuard';
import { credentialService, lockAccountKey } from '../../../platform/identity/credentials';
import { lockedError, loginLockService } from '../../../platform/identity/loginLock';
import { DuplicateUserError, USER_ACTIVE, userDirectory, type UserRow } from '../../../platform/identity/users';
import { sessionService } from '../../../platform/sessions/sessions';
import { verificationCodes } from '../../../platform/verify/codes';
import { transaction } from '../../../storage/db';
import { showErrors } from '../errors';
import { showPeople } from './people';

/** The one show code key: it serves signup, login and reset alike (decision 12). */
export const SHOW_CODE_KEY = 'SHOW_AUTH_CODE';

export interface Phone {
  country: string;
  phone: string;
}

export interface Auth {
  token: string;
  uid: string;
}

const recipient = (who: Phone) => ({ channel: 'sms' as const, mobile: who.phone, area: who.country });

/**
 * Sign-up, the two logins and the password reset of the show apps, over the shared account (phone
 * with area code) and the shared credential rules: IP and account admission, the password lockout
 * (which wrong codes feed too, decision 12), and refusals that count towards the IP ban.
 */
export class ShowAuthService {
  constructor(private readonly app: AppContext) {}

  async sendCode(who: Phone, call: Caller): Promise<void> {
    await this.app.use(verificationCodes).send({ recipient: recipient(who), key: SHOW_CODE_KEY, namespace: call.apiType, ip: call.ip, platform: call.platform });
  }

  async signup(params: Phone & { code: string; password: string; nickname: string }, call: Caller): Promise<Auth> {
    // Counted like a failure: an unlimited 604 would let anyone enumerate registered numbers.
    await this.counted(call.ip, 'register', this.find(params).then((found) => {
      if (found) throw showErrors.alreadyRegistered();
    }));
    await this.counted(call.ip, 'register', this.verifyCode(params, params.code, false));
    const users = this.app.use(userDirectory);
    const passwordHash = await this.app.use(credentialService).hashPassword(params.password);
    let user: UserRow;
    try {
      user = await transaction(this.app.db, async (trx) => {
        const created = await users.create(
          { area_code: params.country, mobile: params.phone, password_hash: passwordHash, nickname: params.nickname, platform: call.platform, channel: call.channel.slice(0, 32) },
          trx,
        );
        await this.app.use(showPeople).enrol(created.id, trx);
        return created;
      });
    } catch (err) {
      if (err instanceof DuplicateUserError) throw showErrors.alreadyRegistered();
      throw err;
    }
    try {
      await this.verifyCode(params, params.code, true);
    } catch (err) {
      // The code went (used or voided) between the check and now: the signup did not happen.
      await this.app.db('show_users').where({ user_id: user.id }).delete();
      await users.remove(user.id);
      throw err;
    }
    return this.issue(user, call);
  }

  async login(params: Phone & { password?: string; code?: string }, call: Caller): Promise<Auth> {
    const credentials = this.app.use(credentialService);
    await credentials.admitIp(call.ip);
    const user = await this.counted(call.ip, 'login', this.registered(params));
    await credentials.admitAccount(user);
    if (params.code !== undefined) {
      await this.counted(call.ip, 'login', this.verifyCode(params, params.code, true, user));
      await credentials.clearLockout(user);
    } else {
      await this.counted(call.ip, 'login', credentials.checkPassword(user, params.password ?? '', showErrors.wrongPasswordText));
    }
    // Only after the credential: a stranger does not learn that an account is disabled.
    if (user.status !== USER_ACTIVE) throw showErrors.disabled();
    await this.app.use(showPeople).enrol(user.id);
    return this.issue(user, call);
  }

  /** The phone proves ownership: a new password, every older session then answers 606, the lockout ends. */
  async resetPassword(params: Phone & { code: string; password: string }, call: Caller): Promise<void> {
    const user = await this.counted(call.ip, 'pwd_find', this.registered(params));
    await this.counted(call.ip, 'pwd_find', this.verifyCode(params, params.code, true, user));
    const credentials = this.app.use(credentialService);
    await this.app.use(userDirectory).setPasswordHash(user.id, await credentials.hashPassword(params.password));
    await this.app.use(sessionService).passwordChanged(user.id);
    await credentials.clearLockout(user);
  }

  logout(session: SessionUser): Promise<void> {
    return this.app.use(sessionService).end(session);
  }

  private find(who: Phone): Promise<UserRow | undefined> {
    return this.app.use(userDirectory).find({ mobile: who.phone, area_code: who.country });
  }

  private async registered(who: Phone): Promise<UserRow> {
    const user = await this.find(who);
    if (!user) throw showErrors.notRegistered();
    return user;
  }

  /**
   * The code of `who`; for an existing account a locked one is refused (607) and a wrong code counts
   * towards the lockout like a wrong password (decision 12).
   */
  private async verifyCode(who: Phone, code: string, consume: boolean, account?: UserRow): Promise<void> {
    const lock = this.app.use(loginLockService);
    if (account) await lock.assertUnlocked(lockAccountKey(account));
    try {
      await this.app.use(verificationCodes).verify({ recipient: recipient(who), key: SHOW_CODE_KEY, code, consume });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (account && err.code === Code.SMS_CODE_WRONG) {
        const lockedUntil = await lock.recordFailure(lockAccountKey(account));
        if (lockedUntil !== null) throw lockedError(lockedUntil);
      }
      // The catalogue answers 700 for every unusable code: wrong, expired, used or never sent.
      throw err.code === Code.SMS_CODE_WRONG ? err : new ApiError(Code.SMS_CODE_WRONG, err.message);
    }
  }

  private async issue(user: UserRow, call: Caller): Promise<Auth> {
    const token = await this.app.use(sessionService).issue(user.id, call.platform, call.apiType);
    return { token, uid: user.open_id };
  }

  private counted<T>(ip: string, kind: AbuseKind, step: Promise<T>): Promise<T> {
    return this.app.use(abuseGuard).counted(ip, kind, step);
  }
}

export const showAuthService = (app: AppContext): ShowAuthService => new ShowAuthService(app);
