import { adminCrudMethod } from '../../../backoffice/methods';
import { linksAdmin } from '../../../backoffice/links';

export const adminLinkDelete = adminCrudMethod(linksAdmin, 'delete', 'link.delete', 'Deletes a link (soft: status 2).');
