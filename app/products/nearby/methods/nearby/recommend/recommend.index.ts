import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import type { RcmdItem } from '../../../services/items';
import { nearbyRecommender } from '../../../services/recommend';

export const recommendIndex = defineMethod<{ limit: number }, { rcmdItemList: RcmdItem[] }>({
  name: 'recommend.index',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Items for the caller by tag profile + CF (decision 3); cold start gives popular items.',
  schema: Joi.object({ limit: Joi.number().integer().min(1).max(100).default(20) }),
  async handler(params, call, app) {
    return { rcmdItemList: await app.use(nearbyRecommender).forUser(call.user!.userId, params.limit) };
  },
});
