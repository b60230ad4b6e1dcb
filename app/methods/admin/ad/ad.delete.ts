import { adminCrudMethod } from '../../../services/admin/methods';
import { adsAdmin } from '../../../services/admin/ads';

export const adminAdDelete = adminCrudMethod(adsAdmin, 'delete', 'ad.delete', 'Deletes a ad (soft: status 2).');
