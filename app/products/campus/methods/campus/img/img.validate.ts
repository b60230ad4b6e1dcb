import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { captchaService } from '../../../../../platform/verify/captcha/captchas';
import { campusRefusals } from '../../../errors';
import { captchaProofField } from '../../../fields';

export const campusImgValidate = defineMethod<{ hash: string }, Record<string, never>>({
  name: 'img.validate',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Checks an image captcha proof (hash = MD5(code + rand)) without using it up.',
  schema: Joi.object({ hash: captchaProofField().required() }),
  async handler({ hash }, _call, app) {
    if (!(await app.use(captchaService).peek(hash))) throw campusRefusals.captchaWrong();
    return {};
  },
});
