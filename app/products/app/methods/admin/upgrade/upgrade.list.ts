import { adminCrudMethod } from '../../../backoffice/methods';
import { upgradesAdmin } from '../../../backoffice/upgrades';

export const adminUpgradeList = adminCrudMethod(upgradesAdmin, 'list', 'upgrade.list', 'Lists app upgrade rules, every status, newest first, paged.');
