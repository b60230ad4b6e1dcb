import { adminCrudMethod } from '../../../services/admin/methods';
import { upgradesAdmin } from '../../../services/admin/upgrades';

export const adminUpgradeDelete = adminCrudMethod(upgradesAdmin, 'delete', 'upgrade.delete', 'Deletes a app upgrade rule (soft: status 2).');
