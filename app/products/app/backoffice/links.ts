import Joi from 'joi';
import { CAT_TYPE } from '../services/content/categories';
import { crudFamily } from './crud';
import { flag, imageRef, linkUrl, listorder, positiveId, resolveImages, text } from './fields';
import { requireCategory } from './references';

export const linksAdmin = crudFamily({
  table: 'links',
  id: 'link_id',
  noun: 'the link',
  status: 'status',
  fields: {
    cat_id: positiveId(),
    link_name: text(1, 50),
    link_url: linkUrl(),
    image_url: imageRef(),
    display: flag(),
    listorder: listorder(),
  },
  required: ['cat_id', 'link_name', 'link_url'],
  defaults: { image_url: '', display: 1, listorder: 0 },
  filters: { cat_id: { schema: positiveId() }, status: { schema: Joi.number().integer().valid(0, 1, 2) } },
  async prepare(values, _current, trx, app) {
    if (values.cat_id !== undefined) await requireCategory(trx, values.cat_id as number, CAT_TYPE.LINK, 'link');
    return resolveImages(values, ['image_url'], trx, app);
  },
});
