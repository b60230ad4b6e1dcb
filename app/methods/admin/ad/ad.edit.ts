import { adminCrudMethod } from '../../../services/admin/methods';
import { adsAdmin } from '../../../services/admin/ads';

export const adminAdEdit = adminCrudMethod(adsAdmin, 'edit', 'ad.edit', 'Changes one or more fields of a ad.');
