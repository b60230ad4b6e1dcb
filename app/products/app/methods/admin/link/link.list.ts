import { adminCrudMethod } from '../../../backoffice/methods';
import { linksAdmin } from '../../../backoffice/links';

export const adminLinkList = adminCrudMethod(linksAdmin, 'list', 'link.list', 'Lists links, every status, newest first, paged.');
