import { adminCrudMethod } from '../../../backoffice/methods';
import { categoriesAdmin } from '../../../backoffice/categories';

export const adminCategoryAdd = adminCrudMethod(categoriesAdmin, 'add', 'category.add', 'Creates a category (news, link or goods tree).');
