import Joi from 'joi';
import { mobileField, passwordField, smsCodeField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { campusAccounts, type CampusAuth, type Registration } from '../../../services/accounts';

export const campusUserRegister = defineMethod<Registration, CampusAuth>({
  name: 'user.register',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Signs up with a phone, its sms.generate code (or hash = MD5(code + rand) with the rand) and a password; answers a campus session.',
  schema: Joi.object({
    phone: mobileField().required().messages({ 'string.pattern.base': 'phone invalid' }),
    code: smsCodeField(),
    hash: Joi.string().trim().lowercase().pattern(/^[0-9a-f]{32}$/),
    rand: Joi.string().trim().max(16),
    password: passwordField().required(),
  })
    .xor('code', 'hash')
    .with('hash', 'rand')
    .messages({ 'object.missing': 'give code, or hash and rand', 'object.xor': 'give code, or hash and rand, not both' }),
  handler: (params, call, app) => app.use(campusAccounts).register(params, call),
});
