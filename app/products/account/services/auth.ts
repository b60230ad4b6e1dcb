import type { AppContext } from '../../../context';
import type { Caller, SessionUser } from '../../../core/caller';
import { ApiError } from '../../../core/errors';
import { formatTime } from '../../../core/time';
import { abuseGuard, type AbuseKind } from '../../../platform/gateway/abuseGuard';
import { credentialService } from '../../../platform/identity/credentials';
import { USER_ACTIVE, userDirectory, type UserRow } from '../../../platform/identity/users';
import { refreshTokenService, type TokenPair } from '../../../platform/sessions/refreshTokens';
import { accountErrors } from '../errors';
import { pushClientService } from './pushClients';
import { ACCESS_TTL_MS, TOKEN_LIFETIMES } from './tokens';

/** The catalogue's Tokens. */
export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_at: string;
  expires_in: number;
}

/** `account` = a phone (with its area code) or an e-mail address, as `parseAccount` decided. */
export type AccountRef = { channel: 'sms'; area: string; phone: string } | { channel: 'email'; email: string };

const MAINLAND = /^1[3-9]\d{9}$/;
const ELSEWHERE = /^\d{5,15}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/** Which kind of account the text names; 503 naming `account` when it is neither a valid phone nor an e-mail. */
export function parseAccount(area: string, account: string): AccountRef {
  if (account.includes('@')) {
    if (account.length > 100 || !EMAIL.test(account)) throw accountErrors.badAccount();
    return { channel: 'email', email: account.toLowerCase() };
  }
  if (!(area === '86' ? MAINLAND : ELSEWHERE).test(account)) throw accountErrors.badAccount();
  return { channel: 'sms', area, phone: account };
}

export function findAccount(app: AppContext, ref: AccountRef): Promise<UserRow | undefined> {
  return app.use(userDirectory).find(ref.channel === 'email' ? { email: ref.email } : { mobile: ref.phone, area_code: ref.area });
}

export function presentTokens(pair: TokenPair): Tokens {
  return {
    access_token: pair.accessToken,
    refresh_token: pair.refreshToken,
    expires_at: formatTime(Math.floor(pair.accessExpiresAt / 1000)) ?? '',
    expires_in: ACCESS_TTL_MS / 1000,
  };
}

/** A credential step whose refusal also counts against the caller's IP (the 510 ban). */
export async function counted<T>(app: AppContext, ip: string, kind: AbuseKind, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (err) {
    if (err instanceof ApiError) await app.use(abuseGuard).recordFailure(ip, kind);
    throw err;
  }
}

/** Sign-in, token refresh and sign-out of the account product (decision 2). */
export class AccountAuthService {
  constructor(private readonly app: AppContext) {}

  issue(userId: number, call: Caller): Promise<Tokens> {
    return this.app.use(refreshTokenService).issuePair(userId, call.platform, call.apiType, TOKEN_LIFETIMES).then(presentTokens);
  }

  /** `auth.access_token`: 605 unknown, 503 wrong password (607 under the shared lockout), 503 inactive. */
  async login(ref: AccountRef, password: string, call: Caller): Promise<Tokens> {
    const credentials = this.app.use(credentialService);
    await credentials.admitIp(call.ip);
    const user = await counted(this.app, call.ip, 'login', findAccount(this.app, ref).then((found) => found ?? Promise.reject(accountErrors.notRegistered())));
    await credentials.admitAccount(user);
    await counted(this.app, call.ip, 'login', credentials.checkPassword(user, password, accountErrors.wrongPasswordText));
    // Only after the password: a stranger does not learn that an account is inactive.
    if (user.status !== USER_ACTIVE) throw accountErrors.inactive();
    return this.issue(user.id, call);
  }

  refresh(refreshToken: string, call: Caller): Promise<Tokens> {
    return this.app.use(refreshTokenService).rotate(refreshToken, call.apiType, TOKEN_LIFETIMES).then(presentTokens);
  }

  /** `auth.destroy_token`: both tokens end, and the devices bound during this login receive no more pushes. */
  async logout(session: SessionUser): Promise<void> {
    const sessionId = await this.app.use(refreshTokenService).revoke(session);
    if (sessionId) await this.app.use(pushClientService).unbindSession(sessionId);
  }
}

export const accountAuthService = (app: AppContext): AccountAuthService => new AccountAuthService(app);
