import Joi from 'joi';
import { mobileField, smsCodeField } from '../../../../core/fields';
import { defineMethod, Reply } from '../../../../registry/method';
import { ADMIN_CODE_KEYS, smsCodeService } from '../../../../platform/verify/sms/codes';

export const adminSmsVerify = defineMethod<{ mobile: string; key: string; code: string }>({
  name: 'sms.verify',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Checks and spends a back-office code (single use, unlike the anchor).',
  schema: Joi.object({
    mobile: mobileField().required(),
    key: Joi.string().valid(...ADMIN_CODE_KEYS).required(),
    code: smsCodeField().required(),
  }),
  async handler({ mobile, key, code }, _call, app) {
    await app.use(smsCodeService).verify({ mobile, key, code, consume: true });
    return new Reply('验证码正确');
  },
});
