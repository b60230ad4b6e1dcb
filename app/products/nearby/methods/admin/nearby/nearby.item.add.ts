import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, itemFields } from '../../../fields';
import { nearbyItemService, type ItemFields } from '../../../services/items';

export const nearbyItemAdd = defineMethod<ItemFields & { admin_id?: number }, { item_id: string }>({
  name: 'nearby.item.add',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Adds a shop item to the nearby product; its tags are extracted from the name.',
  schema: Joi.object({
    ...itemFields(),
    admin_id: adminIdField(),
    name: itemFields().name.required(),
    retail_price: itemFields().retail_price.required(),
    simple_desc: itemFields().simple_desc.default(null),
    simple_desc_close: itemFields().simple_desc_close.default(null),
    list_pic_url: itemFields().list_pic_url.default(null),
    activity_price: itemFields().activity_price.default(null),
    status: itemFields().status.default(1),
  }),
  async handler({ admin_id: _admin, ...fields }, _call, app) {
    return app.use(nearbyItemService).add(fields);
  },
});
