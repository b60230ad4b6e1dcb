import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { clothFields, clothKindField, pagingFields, type PageParams } from '../../../fields';
import { showClothes, type AdminCloth, type ClothKind } from '../../../services/clothes';

export const adminShowClothList = defineMethod<PageParams & { kind?: ClothKind; status?: number }, { cloth_list: AdminCloth[]; total: number; isnext: boolean }>({
  name: 'show.cloth.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Every show cloth, shown or off, newest first, with tags and like_count; filter by kind or status; paged (limit, offset).',
  schema: Joi.object({ ...pagingFields(), kind: clothKindField(), status: clothFields().status }),
  async handler({ kind, status, ...page }, _call, app) {
    const found = await app.use(showClothes).adminPage({ kind, status }, page);
    return { cloth_list: found.rows, total: found.total, isnext: found.isnext };
  },
});
