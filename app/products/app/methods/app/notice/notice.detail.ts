import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { noticeService, type NoticeDetail } from '../../../services/content/notices';

export const noticeDetail = defineMethod<{ noticeid: number }, NoticeDetail>({
  name: 'notice.detail',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: false,
  summary: 'One shown notice with its body; marks it read for a logged-in user.',
  schema: Joi.object({ noticeid: idField().required() }),
  async handler({ noticeid }, call, app) {
    return app.use(noticeService).detail(noticeid, call.platform, call.user?.userId ?? null);
  },
});
