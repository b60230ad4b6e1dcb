import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { latitudeField, longitudeField } from '../../../fields';
import { nearbyPostService, type Post } from '../../../services/posts';

interface Params {
  latitude: number;
  longitude: number;
  distance: number;
  start: number;
  limit: number;
}

export const communityList = defineMethod<Params, { num: number; total: number; list: Post[] }>({
  name: 'community.list',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Posts within `distance` metres of the caller, newest first, with their distance.',
  schema: Joi.object({
    latitude: latitudeField().required(),
    longitude: longitudeField().required(),
    distance: Joi.number().min(1).max(50_000).default(500),
    start: Joi.number().integer().min(0).max(100_000).default(0),
    limit: Joi.number().integer().min(1).max(100).default(20),
  }),
  async handler(params, call, app) {
    return app.use(nearbyPostService).list(call.user!.userId, params);
  },
});
