import { adminCrudMethod } from '../../../backoffice/methods';
import { linksAdmin } from '../../../backoffice/links';

export const adminLinkEdit = adminCrudMethod(linksAdmin, 'edit', 'link.edit', 'Changes one or more fields of a link.');
