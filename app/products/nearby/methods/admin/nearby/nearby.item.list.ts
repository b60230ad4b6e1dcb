import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pageParam } from '../../../../../platform/paging';
import { nearbyItemService } from '../../../services/items';

export const nearbyItemList = defineMethod<{ page: number; status?: number; keyword?: string }>({
  name: 'nearby.item.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Every nearby item with its tags, newest first, paged; filter by status or a name keyword.',
  schema: Joi.object({
    page: pageParam,
    status: Joi.number().integer().valid(0, 1),
    keyword: Joi.string().trim().max(50).allow(''),
  }),
  async handler(params, _call, app) {
    return app.use(nearbyItemService).list(params);
  },
});
