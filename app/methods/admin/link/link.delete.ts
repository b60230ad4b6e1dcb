import { adminCrudMethod } from '../../../services/admin/methods';
import { linksAdmin } from '../../../services/admin/links';

export const adminLinkDelete = adminCrudMethod(linksAdmin, 'delete', 'link.delete', 'Deletes a link (soft: status 2).');
