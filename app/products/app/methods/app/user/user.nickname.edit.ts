import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { accountService } from '../../../../../platform/identity/accounts';

/** Control characters, line/paragraph separators: nothing a name needs. Emoji and their joiners are fine. */
const FORBIDDEN = /[\p{Cc}\u2028\u2029]/u;

const nickname = Joi.string()
  .trim()
  .custom((value: string, helpers) => {
    if (FORBIDDEN.test(value)) return helpers.error('nickname.control');
    // Characters, not UTF-16 units: an emoji is one character of the 20.
    const length = [...value].length;
    if (length < 2 || length > 20) return helpers.error('nickname.length');
    return value;
  })
  .messages({
    'nickname.control': '{{#label}} must not contain control characters',
    'nickname.length': '{{#label}} must be 2 to 20 characters long',
  });

export const userNicknameEdit = defineMethod<{ nickname: string }, { nickname: string }>({
  name: 'user.nickname.edit',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Set the nickname: 2 to 20 characters after trimming, emoji allowed, not unique.',
  schema: Joi.object({ nickname: nickname.required() }),
  async handler(params, call, app) {
    return { nickname: await app.use(accountService).setNickname(call.user!, params.nickname) };
  },
});
