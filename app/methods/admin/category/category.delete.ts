import { adminCrudMethod } from '../../../services/admin/methods';
import { categoriesAdmin } from '../../../services/admin/categories';

export const adminCategoryDelete = adminCrudMethod(categoriesAdmin, 'delete', 'category.delete', 'Deletes a category (news, link or goods tree) (soft: status 2).');
