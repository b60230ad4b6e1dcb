import { adminCrudMethod } from '../../../services/admin/methods';
import { noticesAdmin } from '../../../services/admin/notices';

export const adminNoticeDelete = adminCrudMethod(noticesAdmin, 'delete', 'notice.delete', 'Deletes a notice (soft: status 2).');
