import { adminCrudMethod } from '../../../services/admin/methods';
import { linksAdmin } from '../../../services/admin/links';

export const adminLinkList = adminCrudMethod(linksAdmin, 'list', 'link.list', 'Lists links, every status, newest first, paged.');
