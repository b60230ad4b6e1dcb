import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { itemIdField } from '../../../fields';
import type { RcmdItem } from '../../../services/items';
import { nearbyRecommender } from '../../../services/recommend';

export const recommendItem = defineMethod<{ item_id: string; limit: number }, { rcmdItemList: RcmdItem[] }>({
  name: 'recommend.item',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Items similar to one item (item-based CF, decision 2), never the item itself; popular items fill up.',
  schema: Joi.object({
    item_id: itemIdField().required(),
    limit: Joi.number().integer().min(1).max(50).default(10),
  }),
  async handler(params, _call, app) {
    return { rcmdItemList: await app.use(nearbyRecommender).similarTo(params.item_id, params.limit) };
  },
});
