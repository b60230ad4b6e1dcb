import Joi from 'joi';
import { mobileField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { captchaProofField } from '../../../fields';
import { campusAccounts } from '../../../services/accounts';

export const campusSmsGenerate = defineMethod<{ phone: string; hash: string }, { rand: string }>({
  name: 'sms.generate',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Uses up an image captcha (hash) and texts a 3-minute registration code to a mainland phone; answers the rand for MD5(code + rand).',
  schema: Joi.object({
    phone: mobileField().required().messages({ 'string.pattern.base': 'phone invalid' }),
    hash: captchaProofField().required(),
  }),
  handler: ({ phone, hash }, call, app) => app.use(campusAccounts).sendRegisterCode(phone, hash, call),
});
