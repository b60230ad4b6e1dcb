import { adminCrudMethod } from '../../../backoffice/methods';
import { adPositionsAdmin } from '../../../backoffice/ads';

export const adminAdPositionAdd = adminCrudMethod(adPositionsAdmin, 'add', 'ad.position.add', 'Creates a ad position (a place in the app that shows ads).');
