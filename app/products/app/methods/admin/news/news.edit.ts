import { adminCrudMethod } from '../../../backoffice/methods';
import { newsAdmin } from '../../../backoffice/news';

export const adminNewsEdit = adminCrudMethod(newsAdmin, 'edit', 'news.edit', 'Changes one or more fields of a news article.');
