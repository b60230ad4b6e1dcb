import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, uidField } from '../../../fields';
import { showMerchants } from '../../../services/merchants';
import { CATEGORY, showPeople, type Category } from '../../../services/people';

export const adminShowUserCategorySet = defineMethod<{ admin_id: number; uid: string; category: Category }, { uid: string; category: number }>({
  name: 'show.user.category.set',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: "Sets a show user's category: 0 ordinary, 1 master, 2 merchant (only once show.merchant.set gave a shop card).",
  schema: Joi.object({
    admin_id: adminIdField(),
    uid: uidField().required(),
    category: Joi.number().integer().valid(...Object.values(CATEGORY)).required(),
  }),
  async handler(params, call, app) {
    const user = await app.use(showPeople).byUid(params.uid);
    await app.use(showMerchants).setCategory(user.id, params.category, params.admin_id);
    app.logger.info({ requestId: call.requestId, admin_id: params.admin_id, user_id: user.id, category: params.category }, 'show user category set');
    return { uid: user.open_id, category: params.category };
  },
});
