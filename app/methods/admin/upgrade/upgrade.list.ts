import { adminCrudMethod } from '../../../services/admin/methods';
import { upgradesAdmin } from '../../../services/admin/upgrades';

export const adminUpgradeList = adminCrudMethod(upgradesAdmin, 'list', 'upgrade.list', 'Lists app upgrade rules, every status, newest first, paged.');
