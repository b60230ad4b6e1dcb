import { adminCrudMethod } from '../../../services/admin/methods';
import { categoriesAdmin } from '../../../services/admin/categories';

export const adminCategoryAdd = adminCrudMethod(categoriesAdmin, 'add', 'category.add', 'Creates a category (news, link or goods tree).');
