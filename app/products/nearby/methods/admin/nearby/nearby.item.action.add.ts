import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { nearbyErrors } from '../../../errors';
import { itemIdField, usernameKeyField } from '../../../fields';
import { ITEM_ACTIONS, nearbyActionService, type ItemAction } from '../../../services/actions';
import { nearbyItemService } from '../../../services/items';
import { nearbyPeople } from '../../../services/people';

interface Params {
  username: string;
  item_id: string;
  action: ItemAction;
  time?: number;
}

export const nearbyItemActionAdd = defineMethod<Params, Record<string, never>>({
  name: 'nearby.item.action.add',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Records what a resident did with an item (view, like, collect, order): how the shop reports behaviour.',
  schema: Joi.object({
    username: usernameKeyField().min(1).required(),
    item_id: itemIdField().required(),
    action: Joi.string().valid(...ITEM_ACTIONS).required(),
    // Unix seconds (may be fractional); not in the future.
    time: Joi.number().min(0).max(4_102_444_800),
  }),
  async handler(params, _call, app) {
    const person = await app.use(nearbyPeople).byUsername(params.username);
    if (!person) throw nearbyErrors.userNotFound();
    const item = await app.use(nearbyItemService).require(params.item_id);
    const now = app.clock.now();
    const at = params.time === undefined ? now : Math.min(now, Math.round(params.time * 1000));
    await app.use(nearbyActionService).record(person.id, Number(item.id), params.action, at);
    return {};
  },
});
