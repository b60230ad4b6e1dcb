import { adminCrudMethod } from '../../../services/admin/methods';
import { newsAdmin } from '../../../services/admin/news';

export const adminNewsDelete = adminCrudMethod(newsAdmin, 'delete', 'news.delete', 'Deletes a news article (soft: status 2).');
