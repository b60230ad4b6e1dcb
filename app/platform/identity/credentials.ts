import type { AppContext } from '../../context';
import { refuse } from '../../core/errors';
import { loginLimiter } from './loginLimits';
import { lockedError, loginLockService } from './loginLock';
import { passwordHasher } from './passwords';
import { userDirectory, type UserRow } from './users';

/** The password is shared by every product, so is its lockout: keyed on the account, not on how it was named. */
export const lockAccountKey = (user: Pick<UserRow, 'id'>): string => `user:${user.id}`;

/**
 * The credential rules every product's login follows (issue 9, findings 4 and 8): how many logins an IP
 * and an account get, and a password check that honours and feeds the shared lockout. A product's
 * login calls `admitIp` before it looks the account up, `admitAccount` once found, then `checkPassword`.
 */
export class CredentialService {
  constructor(private readonly app: AppContext) {}

  // Looked up per use, not kept: the hasher holds the process's hashing queue, which tests swap.
  private get hasher() {
    return this.app.use(passwordHasher);
  }

  admitIp(ip: string): Promise<void> {
    return this.app.use(loginLimiter).admitIp(ip);
  }

  admitAccount(user: Pick<UserRow, 'id'>): Promise<void> {
    return this.app.use(loginLimiter).admitAccount(lockAccountKey(user));
  }

  /**
   * Refused (607) while locked; a wrong password counts (503 密码不正确, the fifth 607); a right one clears
   * the count and upgrades a hash of an older cost. `wrongMessage` lets a product keep its own words.
   */
  async checkPassword(user: UserRow, password: string, wrongMessage = '密码不正确'): Promise<void> {
    const lock = this.app.use(loginLockService);
    const account = lockAccountKey(user);
    await lock.beginAttempt(account);
    let right: boolean;
    try {
      right = await this.hasher.verify(password, user.password_hash);
    } catch (err) {
      await lock.abandonAttempt(account);
      throw err;
    }
    if (!right) {
      const lockedUntil = await lock.attemptFailed(account);
      if (lockedUntil !== null) throw lockedError(lockedUntil);
      throw refuse(wrongMessage);
    }
    await lock.attemptSucceeded(account);
    if (this.hasher.needsRehash(user.password_hash)) {
      await this.app.use(userDirectory).rehashPassword(user.id, await this.hasher.hash(password));
    }
  }

  /** Whoever proved to hold the phone or mailbox (a code login, a reset): the lockout ends. */
  clearLockout(user: Pick<UserRow, 'id'>): Promise<void> {
    return this.app.use(loginLockService).clear(lockAccountKey(user));
  }

  /** A new password's hash, through the process's hashing queue. */
  hashPassword(password: string): Promise<string> {
    return this.hasher.hash(password);
  }
}

export const credentialService = (app: AppContext): CredentialService => new CredentialService(app);
