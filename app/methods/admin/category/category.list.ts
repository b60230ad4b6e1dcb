import { adminCrudMethod } from '../../../services/admin/methods';
import { categoriesAdmin } from '../../../services/admin/categories';

export const adminCategoryList = adminCrudMethod(categoriesAdmin, 'list', 'category.list', 'Lists categories, every status, newest first, paged.');
