import { adminCrudMethod } from '../../../backoffice/methods';
import { newsAdmin } from '../../../backoffice/news';

export const adminNewsDelete = adminCrudMethod(newsAdmin, 'delete', 'news.delete', 'Deletes a news article (soft: status 2).');
