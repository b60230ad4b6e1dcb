import { adminCrudMethod } from '../../../services/admin/methods';
import { upgradesAdmin } from '../../../services/admin/upgrades';

export const adminUpgradeEdit = adminCrudMethod(upgradesAdmin, 'edit', 'upgrade.edit', 'Changes one or more fields of a app upgrade rule.');
