import { adminCrudMethod } from '../../../backoffice/methods';
import { adPositionsAdmin } from '../../../backoffice/ads';

export const adminAdPositionList = adminCrudMethod(adPositionsAdmin, 'list', 'ad.position.list', 'Lists ad positions, every status, newest first, paged.');
