import { adminCrudMethod } from '../../../backoffice/methods';
import { upgradesAdmin } from '../../../backoffice/upgrades';

export const adminUpgradeAdd = adminCrudMethod(upgradesAdmin, 'add', 'upgrade.add', 'Creates a app upgrade rule.');
