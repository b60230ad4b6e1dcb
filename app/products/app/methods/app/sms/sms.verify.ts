import Joi from 'joi';
import { ApiError, Code } from '../../../../../core/errors';
import { mobileField, smsCodeField } from '../../../../../core/fields';
import { defineMethod, Reply } from '../../../../../registry/method';
import { abuseGuard } from '../../../../../platform/gateway/abuseGuard';
import { smsCodeService } from '../../../../../platform/verify/sms/codes';
import { USER_CODE_KEYS } from '../../../../../platform/verify/sms/userCodes';

export const smsVerify = defineMethod<{ mobile: string; key: string; code: string; is_destroy: 0 | 1 }>({
  name: 'sms.verify',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Checks an SMS code; is_destroy=1 also spends it.',
  schema: Joi.object({
    mobile: mobileField().required(),
    key: Joi.string().valid(...USER_CODE_KEYS).required(),
    code: smsCodeField().required(),
    is_destroy: Joi.number().integer().valid(0, 1).default(0),
  }),
  async handler({ mobile, key, code, is_destroy }, call, app) {
    try {
      await app.use(smsCodeService).verify({ mobile, key, code, consume: is_destroy === 1 });
    } catch (err) {
      // Guessing codes across many numbers is what the per-code attempt limit cannot stop.
      if (err instanceof ApiError && err.code === Code.SMS_CODE_WRONG) await app.use(abuseGuard).recordFailure(call.ip, 'sms');
      throw err;
    }
    return new Reply('验证码正确');
  },
});
