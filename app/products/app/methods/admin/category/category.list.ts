import { adminCrudMethod } from '../../../backoffice/methods';
import { categoriesAdmin } from '../../../backoffice/categories';

export const adminCategoryList = adminCrudMethod(categoriesAdmin, 'list', 'category.list', 'Lists categories, every status, newest first, paged.');
