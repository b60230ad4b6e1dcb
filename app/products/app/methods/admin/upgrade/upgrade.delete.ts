import { adminCrudMethod } from '../../../backoffice/methods';
import { upgradesAdmin } from '../../../backoffice/upgrades';

export const adminUpgradeDelete = adminCrudMethod(upgradesAdmin, 'delete', 'upgrade.delete', 'Deletes a app upgrade rule (soft: status 2).');
