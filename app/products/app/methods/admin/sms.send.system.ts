import Joi from 'joi';
import { mobileField } from '../../../../core/fields';
import { defineMethod, Reply } from '../../../../registry/method';
import { smsMessenger } from '../../../../platform/verify/sms/messages';

export const adminSmsSendSystem = defineMethod<{ mobile: string; key: string; replace: Record<string, string> }>({
  name: 'sms.send.system',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Sends a system notice from a trigger_type 2 template; `replace` fills its %NAME% placeholders.',
  schema: Joi.object({
    mobile: mobileField().required(),
    key: Joi.string().max(64).required(),
    replace: Joi.object().pattern(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, Joi.string().allow('').max(100)).max(20).default({}),
  }),
  async handler({ mobile, key, replace }, call, app) {
    await app.use(smsMessenger).sendSystem({ mobile, key, replace, namespace: call.apiType, ip: call.ip, platform: call.platform });
    return new Reply('发送成功');
  },
});
