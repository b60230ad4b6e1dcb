import { adminCrudMethod } from '../../../backoffice/methods';
import { newsAdmin } from '../../../backoffice/news';

export const adminNewsList = adminCrudMethod(newsAdmin, 'list', 'news.list', 'Lists news articles, every status, newest first, paged.');
