import type { AppContext } from '../../../context';
import type { ApiType } from '../../gateway/appAuth';
import { verificationCodes, type SentCode } from '../codes';

/** Code templates of the back office (its 2FA); member keys are in userCodes.ts. */
export const ADMIN_CODE_KEYS = ['ADMIN_LOGIN_CODE'] as const;

/** Codes to a mainland mobile: the app namespace's view of the verification-code service. */
export class SmsCodeService {
  constructor(private readonly app: AppContext) {}

  send(input: { mobile: string; key: string; namespace: ApiType; ip: string; platform: number }): Promise<SentCode> {
    const { mobile, ...rest } = input;
    return this.app.use(verificationCodes).send({ recipient: { channel: 'sms', mobile }, ...rest });
  }

  verify(input: { mobile: string; key: string; code: string; consume: boolean }): Promise<void> {
    const { mobile, ...rest } = input;
    return this.app.use(verificationCodes).verify({ recipient: { channel: 'sms', mobile }, ...rest });
  }
}

export const smsCodeService = (app: AppContext): SmsCodeService => new SmsCodeService(app);
