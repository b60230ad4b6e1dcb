import { adminCrudMethod } from '../../../backoffice/methods';
import { adPositionsAdmin } from '../../../backoffice/ads';

export const adminAdPositionEdit = adminCrudMethod(adPositionsAdmin, 'edit', 'ad.position.edit', 'Changes one or more fields of a ad position (a place in the app that shows ads).');
