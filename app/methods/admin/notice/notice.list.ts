import { adminCrudMethod } from '../../../services/admin/methods';
import { noticesAdmin } from '../../../services/admin/notices';

export const adminNoticeList = adminCrudMethod(noticesAdmin, 'list', 'notice.list', 'Lists notices, every status, newest first, paged.');
