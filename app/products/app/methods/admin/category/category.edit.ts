import { adminCrudMethod } from '../../../backoffice/methods';
import { categoriesAdmin } from '../../../backoffice/categories';

export const adminCategoryEdit = adminCrudMethod(categoriesAdmin, 'edit', 'category.edit', 'Changes one or more fields of a category (news, link or goods tree).');
