import { adminCrudMethod } from '../../../services/admin/methods';
import { adPositionsAdmin } from '../../../services/admin/ads';

export const adminAdPositionAdd = adminCrudMethod(adPositionsAdmin, 'add', 'ad.position.add', 'Creates a ad position (a place in the app that shows ads).');
