import type { AppContext } from '../../../context';
import type { Caller } from '../../../core/caller';
import { ApiError, Code, refuse } from '../../../core/errors';
import { abuseGuard, type AbuseKind } from '../../../platform/gateway/abuseGuard';
import { credentialService } from '../../../platform/identity/credentials';
import { DuplicateUserError, USER_ACTIVE, userDirectory, type UserRow } from '../../../platform/identity/users';
import { sessionService, type SessionUser } from '../../../platform/sessions/sessions';
import { captchaService } from '../../../platform/verify/captcha/captchas';
import { verificationCodes, type CodeClaim } from '../../../platform/verify/codes';
import { campusRefusals } from '../errors';

/** The template of sms.generate (reference/verifyTemplates.ts): 3 minutes, proven by MD5(code + rand). */
export const REGISTER_CODE_KEY = 'CAMPUS_REGISTER_CODE';

export interface CampusAuth {
  token: string;
  user_id: number;
}

export interface Registration {
  phone: string;
  password: string;
  /** The SMS code itself … */
  code?: string;
  /** … or the seed's proof MD5(code + rand) with the rand sms.generate answered. */
  hash?: string;
  rand?: string;
}

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

/**
 * Decision 1 made concrete: the shared account (users) mounted into campus. Sessions are issued under
 * the campus api type, so a campus token opens nothing elsewhere; `user_id` is the shared users.id.
 */
export class CampusAccountService {
  constructor(private readonly app: AppContext) {}

  /** sms.generate: the image captcha is used up first, whatever happens to the SMS. */
  async sendRegisterCode(phone: string, captchaHash: string, call: Caller): Promise<{ rand: string }> {
    if (!(await this.app.use(captchaService).consume(captchaHash))) {
      await this.app.use(abuseGuard).recordFailure(call.ip, 'sms');
      throw campusRefusals.captchaWrong();
    }
    const sent = await this.app.use(verificationCodes).send({
      recipient: { channel: 'sms', mobile: phone },
      key: REGISTER_CODE_KEY,
      namespace: 'campus',
      ip: call.ip,
      platform: call.platform,
    });
    return { rand: sent.rand ?? '' };
  }

  /**
   * 604 before the code, so a registered phone is sent to login without spending it; the code is
   * checked, the account created, then the code consumed (removing the account if it went meanwhile),
   * so of two parallel registrations the unique index picks one.
   */
  async register(params: Registration, call: Caller): Promise<CampusAuth> {
    const users = this.app.use(userDirectory);
    const taken = () => new ApiError(Code.ALREADY_REGISTERED, 'phone already registered');
    await this.counted(call.ip, 'register', users.byMobile(params.phone).then((found) => {
      if (found) throw taken();
    }));
    const codes = this.app.use(verificationCodes);
    const claim: CodeClaim = { recipient: { channel: 'sms', mobile: params.phone }, key: REGISTER_CODE_KEY, ...(params.hash ? { proof: params.hash } : { code: params.code }) };
    await this.counted(call.ip, 'register', codes.check(claim));
    let user: UserRow;
    try {
      user = await users.create({
        mobile: params.phone,
        password_hash: await this.app.use(credentialService).hashPassword(params.password),
        nickname: masked(params.phone),
        platform: call.platform,
        channel: call.channel.slice(0, 32),
      });
    } catch (err) {
      if (err instanceof DuplicateUserError) throw taken();
      throw err;
    }
    try {
      await codes.consume(claim);
    } catch (err) {
      await users.remove(user.id);
      throw err;
    }
    return this.session(user, call);
  }

  async login(phone: string, password: string, call: Caller): Promise<CampusAuth> {
    const credentials = this.app.use(credentialService);
    await credentials.admitIp(call.ip);
    const user = await this.counted(call.ip, 'login', this.app.use(userDirectory).byMobile(phone).then((found) => {
      if (!found) throw new ApiError(Code.NOT_REGISTERED, 'phone not registered');
      return found;
    }));
    await credentials.admitAccount(user);
    await this.counted(call.ip, 'login', credentials.checkPassword(user, password, 'password wrong'));
    if (user.status !== USER_ACTIVE) throw refuse('account disabled');
    return this.session(user, call);
  }

  logout(session: SessionUser): Promise<void> {
    return this.app.use(sessionService).end(session);
  }

  private async session(user: UserRow, call: Caller): Promise<CampusAuth> {
    return { token: await this.app.use(sessionService).issue(user.id, call.platform, 'campus'), user_id: user.id };
  }

  /** A credential step whose refusal also counts against the caller's IP (the 510 ban). */
  private async counted<T>(ip: string, kind: AbuseKind, step: Promise<T>): Promise<T> {
    try {
      return await step;
    } catch (err) {
      if (err instanceof ApiError) await this.app.use(abuseGuard).recordFailure(ip, kind);
      throw err;
    }
  }
}

export const campusAccounts = (app: AppContext): CampusAccountService => new CampusAccountService(app);
