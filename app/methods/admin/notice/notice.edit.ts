import { adminCrudMethod } from '../../../services/admin/methods';
import { noticesAdmin } from '../../../services/admin/notices';

export const adminNoticeEdit = adminCrudMethod(noticesAdmin, 'edit', 'notice.edit', 'Changes one or more fields of a notice.');
