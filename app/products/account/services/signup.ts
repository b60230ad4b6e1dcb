import type { AppContext } from '../../../context';
import type { Caller } from '../../../core/caller';
import { ApiError, Code } from '../../../core/errors';
import { credentialService } from '../../../platform/identity/credentials';
import { DuplicateUserError, userDirectory, type UserRow } from '../../../platform/identity/users';
import { verificationCodes, type CodeClaim } from '../../../platform/verify/codes';
import type { Recipient } from '../../../platform/verify/recipient';
import { transaction } from '../../../storage/db';
import { accountErrors } from '../errors';
import { accountAuthService, counted, findAccount, type AccountRef, type Tokens } from './auth';
import { memberService } from './members';

/** One template per channel (reference/verifyTemplates.ts): no purpose, one code serves sign-up and any check (decision 4). */
const TEMPLATE_KEY = { sms: 'ACCOUNT_SMS_CODE', email: 'ACCOUNT_EMAIL_CODE' } as const;

function recipientOf(ref: AccountRef): Recipient {
  return ref.channel === 'email' ? { channel: 'email', email: ref.email } : { channel: 'sms', mobile: ref.phone, area: ref.area };
}

function claimOf(ref: AccountRef, code: string): CodeClaim {
  return { recipient: recipientOf(ref), key: TEMPLATE_KEY[ref.channel], code };
}

/** The catalogue answers 700 for a code that is wrong or no longer usable (expired, used, voided, none). */
async function asCodeError<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (err) {
    if (err instanceof ApiError && err.code === Code.BUSINESS) throw new ApiError(Code.SMS_CODE_WRONG, err.message);
    throw err;
  }
}

/** Codes by SMS or e-mail and sign-up (decisions 3 and 4). */
export class SignupService {
  constructor(private readonly app: AppContext) {}

  async sendCode(ref: AccountRef, call: Caller): Promise<void> {
    await this.app.use(verificationCodes).send({ recipient: recipientOf(ref), key: TEMPLATE_KEY[ref.channel], namespace: call.apiType, ip: call.ip, platform: call.platform });
  }

  /** A peek: a right code stays usable; each wrong one counts, and the fifth voids it. */
  async checkCode(ref: AccountRef, code: string, call: Caller): Promise<void> {
    await counted(this.app, call.ip, 'sms', asCodeError(this.app.use(verificationCodes).check(claimOf(ref, code))));
  }

  /**
   * 604 before the code is looked at, so a registered account cannot burn codes. The code is checked,
   * the account made, then the code consumed: of two parallel sign-ups the unique index picks one, and a
   * code that went away in between undoes the account.
   */
  async register(ref: AccountRef, code: string, password: string, call: Caller): Promise<Tokens> {
    await counted(this.app, call.ip, 'register', findAccount(this.app, ref).then((found) => {
      if (found) throw accountErrors.alreadyRegistered();
    }));
    const codes = this.app.use(verificationCodes);
    await counted(this.app, call.ip, 'register', asCodeError(codes.check(claimOf(ref, code))));
    const user = await this.create(ref, password, call);
    try {
      await asCodeError(codes.consume(claimOf(ref, code)));
    } catch (err) {
      await this.app.db('account_members').where({ user_id: user.id }).delete();
      await this.app.use(userDirectory).remove(user.id);
      throw err;
    }
    return this.app.use(accountAuthService).issue(user.id, call);
  }

  private async create(ref: AccountRef, password: string, call: Caller): Promise<UserRow> {
    const passwordHash = await this.app.use(credentialService).hashPassword(password);
    const identity = ref.channel === 'email' ? { email: ref.email, username: ref.email } : { area_code: ref.area, mobile: ref.phone, username: ref.phone };
    const users = this.app.use(userDirectory);
    const make = (withUsername: boolean) =>
      transaction(this.app.db, async (trx) => {
        const user = await users.create(
          { ...identity, username: withUsername ? identity.username : null, password_hash: passwordHash, platform: call.platform, channel: call.channel.slice(0, 32) },
          trx,
        );
        await this.app.use(memberService).joined(user.id, call.appid, trx);
        return user;
      });
    try {
      return await make(true);
    } catch (err) {
      if (!(err instanceof DuplicateUserError)) throw err;
      // The same digits registered under another area code hold that username: this account goes without one.
      if (err.field === 'username') return make(false).catch(translate);
      throw translate(err);
    }
  }
}

function translate(err: unknown): never {
  if (err instanceof DuplicateUserError) throw accountErrors.alreadyRegistered();
  throw err;
}

export const signupService = (app: AppContext): SignupService => new SignupService(app);
