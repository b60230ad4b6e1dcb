import { adminCrudMethod } from '../../../services/admin/methods';
import { adPositionsAdmin } from '../../../services/admin/ads';

export const adminAdPositionList = adminCrudMethod(adPositionsAdmin, 'list', 'ad.position.list', 'Lists ad positions, every status, newest first, paged.');
