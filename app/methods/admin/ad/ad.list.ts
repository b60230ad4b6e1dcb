import { adminCrudMethod } from '../../../services/admin/methods';
import { adsAdmin } from '../../../services/admin/ads';

export const adminAdList = adminCrudMethod(adsAdmin, 'list', 'ad.list', 'Lists ads, every status, newest first, paged.');
