import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { ifNewField, usernameKeyField, type IfNew } from '../../../fields';
import { nearbyMessageService } from '../../../services/messages';

interface Params {
  if_new: IfNew;
  people: string;
  start: number;
  limit: number;
}

/** Bad `start`/`limit` values fall back to their defaults (seed), instead of refusing the call. */
const lenientInt = (min: number, fallback: number) =>
  Joi.any()
    .custom((value) => {
      const n = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN;
      return Number.isSafeInteger(n) && n >= min ? n : fallback;
    })
    .default(fallback);

export const msgPrivate = defineMethod<Params>({
  name: 'msg.private',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Private messages to and from the caller, filtered by read state, paged, grouped by partner.',
  schema: Joi.object({
    if_new: ifNewField(),
    people: usernameKeyField().allow('').default(''),
    start: lenientInt(0, 0),
    limit: lenientInt(-1, -1),
  }),
  async handler(params, call, app) {
    return app.use(nearbyMessageService).privateMessages(call.user!.userId, params);
  },
});
