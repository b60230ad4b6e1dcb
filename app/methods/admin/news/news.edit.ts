import { adminCrudMethod } from '../../../services/admin/methods';
import { newsAdmin } from '../../../services/admin/news';

export const adminNewsEdit = adminCrudMethod(newsAdmin, 'edit', 'news.edit', 'Changes one or more fields of a news article.');
