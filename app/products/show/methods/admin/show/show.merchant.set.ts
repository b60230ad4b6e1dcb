import Joi from 'joi';
import { uploadService } from '../../../../../platform/files/uploads';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, imageRefField, uidField } from '../../../fields';
import { showMerchants, type MerchantProfile } from '../../../services/merchants';
import { CATEGORY, showPeople } from '../../../services/people';

interface Params {
  admin_id: number;
  uid: string;
  name: string;
  logo?: string | number;
  intro?: string;
  address?: string;
}

type Answer = MerchantProfile & { uid: string; category: number };

export const adminShowMerchantSet = defineMethod<Params, Answer>({
  name: 'show.merchant.set',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Makes a user a merchant (category 2) with a shop card: name, logo (file id or our URL), intro, address; later calls change the fields given.',
  schema: Joi.object({
    admin_id: adminIdField(),
    uid: uidField().required(),
    name: Joi.string().trim().min(1).max(50).required(),
    logo: imageRefField(),
    intro: Joi.string().trim().allow('').max(500),
    address: Joi.string().trim().allow('').max(200),
  }),
  async handler({ admin_id: adminId, uid, logo, ...card }, call, app) {
    const user = await app.use(showPeople).byUid(uid);
    const logoUrl = logo === undefined ? undefined : (await app.use(uploadService).resolve(logo, { label: 'logo' })).url;
    const profile = await app.use(showMerchants).set(user.id, { ...card, logo: logoUrl }, adminId);
    app.logger.info({ requestId: call.requestId, admin_id: adminId, user_id: user.id }, 'show merchant set');
    return { uid: user.open_id, category: CATEGORY.MERCHANT, ...profile };
  },
});
