import { adminCrudMethod } from '../../../services/admin/methods';
import { adPositionsAdmin } from '../../../services/admin/ads';

export const adminAdPositionEdit = adminCrudMethod(adPositionsAdmin, 'edit', 'ad.position.edit', 'Changes one or more fields of a ad position (a place in the app that shows ads).');
