import { adminCrudMethod } from '../../../backoffice/methods';
import { linksAdmin } from '../../../backoffice/links';

export const adminLinkAdd = adminCrudMethod(linksAdmin, 'add', 'link.add', 'Creates a link.');
