import { adminCrudMethod } from '../../../backoffice/methods';
import { upgradesAdmin } from '../../../backoffice/upgrades';

export const adminUpgradeEdit = adminCrudMethod(upgradesAdmin, 'edit', 'upgrade.edit', 'Changes one or more fields of a app upgrade rule.');
