import { adminCrudMethod } from '../../../backoffice/methods';
import { categoriesAdmin } from '../../../backoffice/categories';

export const adminCategoryDelete = adminCrudMethod(categoriesAdmin, 'delete', 'category.delete', 'Deletes a category (news, link or goods tree) (soft: status 2).');
