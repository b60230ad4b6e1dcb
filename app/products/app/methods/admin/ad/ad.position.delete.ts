import { adminCrudMethod } from '../../../backoffice/methods';
import { adPositionsAdmin } from '../../../backoffice/ads';

export const adminAdPositionDelete = adminCrudMethod(adPositionsAdmin, 'delete', 'ad.position.delete', 'Deletes a ad position (a place in the app that shows ads) (soft: status 2).');
