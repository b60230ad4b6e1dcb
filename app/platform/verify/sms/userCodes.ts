import Joi from 'joi';
import type { AppContext } from '../../../context';
import { ApiError, Code, refuse } from '../../../core/errors';
import { mobileField } from '../../../core/fields';
import type { Caller } from '../../../core/caller';
import { abuseGuard } from '../../gateway/abuseGuard';
import { userDirectory } from '../../identity/users';
import { smsCodeService } from './codes';


/** What the account must look like for a code of this key to be of any use. */
const PURPOSES = {
  USER_REGISTER_CODE: 'new_account',
  USER_LOGIN_CODE: 'existing_account',
  USER_PWD_FIND_CODE: 'existing_account',
  USER_MOBILE_CHANGE_CODE: 'new_mobile_of_user',
} as const;

export type UserCodeKey = keyof typeof PURPOSES;

export const USER_CODE_KEYS = Object.keys(PURPOSES) as UserCodeKey[];

export interface UserCodeParams {
  mobile: string;
  key: UserCodeKey;
}

/** The parameters of a member-code `sms.send` accepting `keys`. */
export function userCodeParams(keys: readonly UserCodeKey[]): Joi.ObjectSchema<UserCodeParams> {
  return Joi.object({ mobile: mobileField().required(), key: Joi.string().valid(...keys).required() });
}

/**
 * `sms.send` for member codes (app and activity namespaces): a code that could not be used is not sent
 * (604 registered / 605 unregistered / mobile in use), and each such probe counts for the IP ban.
 */
export class UserCodeSender {
  constructor(private readonly app: AppContext) {}

  async send(params: UserCodeParams, call: Caller): Promise<void> {
    try {
      await this.checkPurpose(params, call);
    } catch (err) {
      if (err instanceof ApiError && err.code !== Code.NOT_LOGGED_IN) await this.app.use(abuseGuard).recordFailure(call.ip, 'sms');
      throw err;
    }
    await this.app.use(smsCodeService).send({ mobile: params.mobile, key: params.key, namespace: call.apiType, ip: call.ip, platform: call.platform });
  }

  private async checkPurpose({ mobile, key }: UserCodeParams, call: Caller): Promise<void> {
    const owner = await this.app.use(userDirectory).byMobile(mobile);
    switch (PURPOSES[key]) {
      case 'new_account':
        if (owner) throw new ApiError(Code.ALREADY_REGISTERED, '该手机号已注册，请直接登录');
        return;
      case 'existing_account':
        if (!owner) throw new ApiError(Code.NOT_REGISTERED, '该手机号未注册');
        return;
      case 'new_mobile_of_user':
        if (!call.user) throw new ApiError(Code.NOT_LOGGED_IN, '请先登录');
        if (owner?.id === call.user.userId) throw refuse('手机号未变化');
        if (owner) throw refuse('该手机号已经被占用');
    }
  }
}

export const userCodeSender = (app: AppContext): UserCodeSender => new UserCodeSender(app);
