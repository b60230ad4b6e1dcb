import { adminCrudMethod } from '../../../services/admin/methods';
import { categoriesAdmin } from '../../../services/admin/categories';

export const adminCategoryEdit = adminCrudMethod(categoriesAdmin, 'edit', 'category.edit', 'Changes one or more fields of a category (news, link or goods tree).');
