import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { idField } from '../../../../../core/fields';
import { nearbyPostService } from '../../../services/posts';

export const communityDelete = defineMethod<{ community_id: number }, Record<string, never>>({
  name: 'community.delete',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Removes the caller\'s own post (soft delete).',
  schema: Joi.object({ community_id: idField().required() }),
  async handler(params, call, app) {
    await app.use(nearbyPostService).remove(call.user!.userId, params.community_id);
    return {};
  },
});
