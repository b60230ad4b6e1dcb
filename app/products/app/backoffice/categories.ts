import Joi from 'joi';
import { refIdField } from '../../../core/fields';
import { refuse } from '../../../core/errors';
import { CAT_TYPE, categoryService } from '../services/content/categories';
import { crudFamily } from './crud';
import { flag, listorder, text } from './fields';
import { hasLiveRows } from './references';

const catType = () => Joi.number().integer().valid(...Object.values(CAT_TYPE));

/** What lives in a category of each type, by its `cat_id`. */
const CONTENT_TABLE: Record<number, string> = { [CAT_TYPE.NEWS]: 'news', [CAT_TYPE.LINK]: 'links', [CAT_TYPE.GOODS]: 'goods' };

export const categoriesAdmin = crudFamily({
  table: 'categories',
  id: 'cat_id',
  noun: 'the category',
  status: 'status',
  fields: {
    cat_type: catType(),
    parentid: refIdField(),
    cat_name: text(1, 20),
    display: flag(),
    listorder: listorder(),
  },
  // The code spells the path from the root, so a category stays where it was made.
  addOnly: ['cat_type', 'parentid'],
  required: ['cat_type', 'cat_name'],
  defaults: { parentid: 0, display: 1, listorder: 0 },
  filters: { cat_type: { schema: catType() }, parentid: { schema: Joi.number().integer().min(0) }, status: { schema: Joi.number().integer().valid(0, 1, 2) } },
  taken: 'another category was added under the same parent at the same moment; try again',
  async prepare(values, _current, trx, app) {
    if (values.parentid === undefined) return values;
    const parentid = values.parentid as number;
    if (parentid !== 0 && !(await hasLiveRows(trx, 'categories', { cat_id: parentid, cat_type: values.cat_type as number }))) {
      throw refuse('the parent category does not exist');
    }
    return { ...values, ...(await app.use(categoryService).allocateCode(trx, parentid)) };
  },
  async beforeDelete(row, trx) {
    const catId = row.cat_id as number;
    if (await hasLiveRows(trx, 'categories', { parentid: catId })) throw refuse('the category has sub-categories; delete them first');
    if (await hasLiveRows(trx, CONTENT_TABLE[row.cat_type as number], { cat_id: catId })) throw refuse('the category still has content; move or delete it first');
  },
});
