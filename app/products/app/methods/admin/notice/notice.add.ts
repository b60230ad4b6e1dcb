import { adminCrudMethod } from '../../../backoffice/methods';
import { noticesAdmin } from '../../../backoffice/notices';

export const adminNoticeAdd = adminCrudMethod(noticesAdmin, 'add', 'notice.add', 'Creates a notice.');
