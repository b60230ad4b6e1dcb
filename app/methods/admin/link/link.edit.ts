import { adminCrudMethod } from '../../../services/admin/methods';
import { linksAdmin } from '../../../services/admin/links';

export const adminLinkEdit = adminCrudMethod(linksAdmin, 'edit', 'link.edit', 'Changes one or more fields of a link.');
