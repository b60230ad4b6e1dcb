import { adminCrudMethod } from '../../../backoffice/methods';
import { noticesAdmin } from '../../../backoffice/notices';

export const adminNoticeDelete = adminCrudMethod(noticesAdmin, 'delete', 'notice.delete', 'Deletes a notice (soft: status 2).');
