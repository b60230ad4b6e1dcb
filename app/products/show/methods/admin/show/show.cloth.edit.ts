import Joi from 'joi';
import { uploadService } from '../../../../../platform/files/uploads';
import { yuanToCents } from '../../../../../platform/wallet/money';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, clothFields, rowIdField } from '../../../fields';
import { showClothes, type ClothChanges } from '../../../services/clothes';
import { showPeople } from '../../../services/people';

interface Params {
  admin_id: number;
  cloth_id: number;
  merchant_uid?: string;
  name?: string;
  image?: string | number;
  intro?: string;
  price?: number;
  status?: number;
}

const fields = clothFields();

export const adminShowClothEdit = defineMethod<Params, Record<string, never>>({
  name: 'show.cloth.edit',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: "Changes a show cloth's fields (at least one; merchant_uid only of a merchant cloth); a new name or intro re-extracts its tags.",
  schema: Joi.object({ admin_id: adminIdField(), cloth_id: rowIdField().required(), ...fields })
    .or(...Object.keys(fields))
    .messages({ 'object.missing': 'nothing to update: give at least one field' }),
  async handler({ admin_id, cloth_id, merchant_uid, image, price, ...rest }, _call, app) {
    const changes: ClothChanges = { ...rest };
    if (merchant_uid !== undefined) changes.merchantUserId = (await app.use(showPeople).byUid(merchant_uid)).id;
    if (image !== undefined) changes.image = (await app.use(uploadService).resolve(image, { label: 'image' })).url;
    if (price !== undefined) changes.priceCents = yuanToCents(price);
    await app.use(showClothes).edit(cloth_id, changes, admin_id);
    return {};
  },
});
