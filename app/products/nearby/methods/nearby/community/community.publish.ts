import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { itemIdField, latitudeField, longitudeField } from '../../../fields';
import { nearbyPostService } from '../../../services/posts';

interface Params {
  content: string;
  item_id?: string;
  latitude?: number;
  longitude?: number;
}

export const communityPublish = defineMethod<Params, { community_id: number }>({
  name: 'community.publish',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Publishes a post at the given place (else the caller\'s last listed place), optionally about an item.',
  schema: Joi.object({
    content: Joi.string().min(1).max(5000).required(),
    item_id: itemIdField(),
    latitude: latitudeField(),
    longitude: longitudeField(),
  }).and('latitude', 'longitude'),
  async handler(params, call, app) {
    return app.use(nearbyPostService).publish(call.user!.userId, params);
  },
});
