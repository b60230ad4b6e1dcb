import { adminCrudMethod } from '../../../backoffice/methods';
import { adsAdmin } from '../../../backoffice/ads';

export const adminAdEdit = adminCrudMethod(adsAdmin, 'edit', 'ad.edit', 'Changes one or more fields of a ad.');
