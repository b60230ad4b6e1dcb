import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { idField } from '../../../../../core/fields';
import { itemIdField } from '../../../fields';
import { nearbyPostService } from '../../../services/posts';

interface Params {
  community_id: number;
  content?: string;
  item_id?: string;
}

export const communityUpdate = defineMethod<Params, Record<string, never>>({
  name: 'community.update',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Edits the caller\'s own post: new content and/or item (`item_id: ""` detaches it).',
  schema: Joi.object({
    community_id: idField().required(),
    content: Joi.string().min(1).max(5000),
    item_id: Joi.alternatives().try(Joi.string().valid(''), itemIdField()),
  }),
  async handler(params, call, app) {
    await app.use(nearbyPostService).update(call.user!.userId, params);
    return {};
  },
});
