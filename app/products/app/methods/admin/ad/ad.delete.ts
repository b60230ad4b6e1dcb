import { adminCrudMethod } from '../../../backoffice/methods';
import { adsAdmin } from '../../../backoffice/ads';

export const adminAdDelete = adminCrudMethod(adsAdmin, 'delete', 'ad.delete', 'Deletes a ad (soft: status 2).');
