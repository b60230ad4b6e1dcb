import { adminCrudMethod } from '../../../backoffice/methods';
import { configsAdmin } from '../../../backoffice/configs';

export const adminConfigList = adminCrudMethod(configsAdmin, 'list', 'config.list', 'Lists settings, newest first, paged.');
