import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { noticeService, type NoticeItem } from '../../../services/content/notices';
import { pageParam, type Page } from '../../../../../platform/paging';

export const noticeList = defineMethod<{ page: number }, Page<NoticeItem>>({
  name: 'notice.list',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: false,
  summary: 'Shown notices for this platform, newest first, paged.',
  schema: Joi.object({ page: pageParam }),
  async handler({ page }, call, app) {
    return app.use(noticeService).list(call.platform, page);
  },
});
