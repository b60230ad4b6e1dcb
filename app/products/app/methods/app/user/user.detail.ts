import Joi from 'joi';
import { formatTime } from '../../../../../core/time';
import { defineMethod, Reply } from '../../../../../registry/method';
import { accountService } from '../../../../../platform/identity/accounts';

interface Detail {
  mobile: string;
  open_id: string;
  nickname: string;
  headimg: string;
  intro: string;
  c_time: string | null;
}

export const userDetail = defineMethod<Record<string, never>, Detail>({
  name: 'user.detail',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'The logged-in member\'s profile.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    const user = await app.use(accountService).current(call.user!);
    return new Reply('信息获取成功', {
      mobile: user.mobile ?? '',
      open_id: user.open_id,
      nickname: user.nickname,
      headimg: user.headimg,
      intro: user.intro,
      c_time: formatTime(user.c_time),
    });
  },
});
