import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, itemFields, itemIdField } from '../../../fields';
import { nearbyItemService, type ItemFields } from '../../../services/items';

export const nearbyItemEdit = defineMethod<Partial<ItemFields> & { item_id: string; admin_id?: number }, Record<string, never>>({
  name: 'nearby.item.edit',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Changes an item\'s fields (at least one); a rename re-extracts its tags.',
  schema: Joi.object({ ...itemFields(), item_id: itemIdField().required(), admin_id: adminIdField() }),
  async handler({ item_id, admin_id: _admin, ...fields }, _call, app) {
    await app.use(nearbyItemService).edit(item_id, fields);
    return {};
  },
});
