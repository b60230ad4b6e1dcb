import { adminCrudMethod } from '../../../services/admin/methods';
import { newsAdmin } from '../../../services/admin/news';

export const adminNewsList = adminCrudMethod(newsAdmin, 'list', 'news.list', 'Lists news articles, every status, newest first, paged.');
