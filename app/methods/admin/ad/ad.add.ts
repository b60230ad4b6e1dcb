import { adminCrudMethod } from '../../../services/admin/methods';
import { adsAdmin } from '../../../services/admin/ads';

export const adminAdAdd = adminCrudMethod(adsAdmin, 'add', 'ad.add', 'Creates a ad.');
