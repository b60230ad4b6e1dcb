import { adminCrudMethod } from '../../../services/admin/methods';
import { newsAdmin } from '../../../services/admin/news';

export const adminNewsAdd = adminCrudMethod(newsAdmin, 'add', 'news.add', 'Creates a news article.');
