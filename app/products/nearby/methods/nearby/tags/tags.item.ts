import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { nearbyErrors } from '../../../errors';
import { itemIdField } from '../../../fields';
import { nearbyItemService } from '../../../services/items';
import { nearbyPeople } from '../../../services/people';

/** Staff and above may re-run tagging (decision 5). */
const STAFF_ROLE = 1;

export const tagsItem = defineMethod<{ item_list: string[] }, Record<string, never>>({
  name: 'tags.item',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Re-extracts and stores the tags of the listed items from their names (staff only).',
  schema: Joi.object({ item_list: Joi.array().items(itemIdField().required()).min(1).max(200).required() }),
  async handler(params, call, app) {
    const me = await app.use(nearbyPeople).byId(call.user!.userId);
    if (!me || me.role < STAFF_ROLE) throw nearbyErrors.notAllowed();
    await app.use(nearbyItemService).retag([...new Set(params.item_list)]);
    return {};
  },
});
