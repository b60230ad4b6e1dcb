import { adminCrudMethod } from '../../../services/admin/methods';
import { noticesAdmin } from '../../../services/admin/notices';

export const adminNoticeAdd = adminCrudMethod(noticesAdmin, 'add', 'notice.add', 'Creates a notice.');
