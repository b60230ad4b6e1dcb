import { adminCrudMethod } from '../../../backoffice/methods';
import { noticesAdmin } from '../../../backoffice/notices';

export const adminNoticeList = adminCrudMethod(noticesAdmin, 'list', 'notice.list', 'Lists notices, every status, newest first, paged.');
