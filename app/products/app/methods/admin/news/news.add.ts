import { adminCrudMethod } from '../../../backoffice/methods';
import { newsAdmin } from '../../../backoffice/news';

export const adminNewsAdd = adminCrudMethod(newsAdmin, 'add', 'news.add', 'Creates a news article.');
