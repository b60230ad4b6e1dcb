import { adminCrudMethod } from '../../../backoffice/methods';
import { adsAdmin } from '../../../backoffice/ads';

export const adminAdAdd = adminCrudMethod(adsAdmin, 'add', 'ad.add', 'Creates a ad.');
