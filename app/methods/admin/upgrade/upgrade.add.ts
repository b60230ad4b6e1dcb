import { adminCrudMethod } from '../../../services/admin/methods';
import { upgradesAdmin } from '../../../services/admin/upgrades';

export const adminUpgradeAdd = adminCrudMethod(upgradesAdmin, 'add', 'upgrade.add', 'Creates a app upgrade rule.');
