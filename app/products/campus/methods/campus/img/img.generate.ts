import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { captchaService, type IssuedCaptcha } from '../../../../../platform/verify/captcha/captchas';

export const campusImgGenerate = defineMethod<Record<string, never>, IssuedCaptcha>({
  name: 'img.generate',
  namespaces: ['campus'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'A 5-character image captcha as base64 PNG and its rand; the proof MD5(lowercase code + rand) is valid 5 minutes.',
  schema: Joi.object({}),
  handler: (_params, _call, app) => app.use(captchaService).issue(),
});
