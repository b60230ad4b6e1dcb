import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { noticeService } from '../../../services/content/notices';

export const noticeUnreadCount = defineMethod<Record<string, never>, { count: number }>({
  name: 'notice.unread.count',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: false,
  summary: 'How many shown notices published since the user registered they have not opened (guests: 0).',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    return { count: await app.use(noticeService).unreadCount(call.user?.userId ?? null, call.platform) };
  },
});
