import { adminCrudMethod } from '../../../services/admin/methods';
import { configsAdmin } from '../../../services/admin/configs';

export const adminConfigList = adminCrudMethod(configsAdmin, 'list', 'config.list', 'Lists settings, newest first, paged.');
