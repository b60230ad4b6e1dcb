import { adminCrudMethod } from '../../../services/admin/methods';
import { linksAdmin } from '../../../services/admin/links';

export const adminLinkAdd = adminCrudMethod(linksAdmin, 'add', 'link.add', 'Creates a link.');
