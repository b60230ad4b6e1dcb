import { adminCrudMethod } from '../../../backoffice/methods';
import { noticesAdmin } from '../../../backoffice/notices';

export const adminNoticeEdit = adminCrudMethod(noticesAdmin, 'edit', 'notice.edit', 'Changes one or more fields of a notice.');
