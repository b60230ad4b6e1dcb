import Joi from 'joi';
import { mobileField } from '../../../../core/fields';
import { defineMethod, Reply } from '../../../../registry/method';
import { ADMIN_CODE_KEYS, smsCodeService } from '../../../../platform/verify/sms/codes';

export const adminSmsSend = defineMethod<{ mobile: string; key: string }>({
  name: 'sms.send',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Sends a back-office one-time code (admin login 2FA).',
  schema: Joi.object({
    mobile: mobileField().required(),
    key: Joi.string().valid(...ADMIN_CODE_KEYS).required(),
  }),
  async handler({ mobile, key }, call, app) {
    await app.use(smsCodeService).send({ mobile, key, namespace: call.apiType, ip: call.ip, platform: call.platform });
    return new Reply('发送成功');
  },
});
