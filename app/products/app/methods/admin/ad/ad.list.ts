import { adminCrudMethod } from '../../../backoffice/methods';
import { adsAdmin } from '../../../backoffice/ads';

export const adminAdList = adminCrudMethod(adsAdmin, 'list', 'ad.list', 'Lists ads, every status, newest first, paged.');
