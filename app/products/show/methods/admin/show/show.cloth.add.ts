import Joi from 'joi';
import { uploadService } from '../../../../../platform/files/uploads';
import { yuanToCents } from '../../../../../platform/wallet/money';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, clothFields, clothKindField } from '../../../fields';
import { showClothes, type ClothKind } from '../../../services/clothes';
import { showPeople } from '../../../services/people';

interface Params {
  admin_id: number;
  kind: ClothKind;
  merchant_uid?: string;
  name: string;
  image: string | number;
  intro: string;
  price: number;
  status: number;
}

const fields = clothFields();

export const adminShowClothAdd = defineMethod<Params, { cloth_id: string }>({
  name: 'show.cloth.add',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Adds a show cloth: a design-circle work, or a merchant cloth of merchant_uid (a merchant); tags from name + intro.',
  schema: Joi.object({
    admin_id: adminIdField(),
    kind: clothKindField().required(),
    merchant_uid: fields.merchant_uid.when('kind', { is: 'merchant', then: Joi.required(), otherwise: Joi.forbidden() }),
    name: fields.name.required(),
    image: fields.image.required(),
    intro: fields.intro.default(''),
    price: fields.price.required(),
    status: fields.status.default(1),
  }),
  async handler(params, _call, app) {
    const merchantUserId = params.merchant_uid ? (await app.use(showPeople).byUid(params.merchant_uid)).id : 0;
    const image = (await app.use(uploadService).resolve(params.image, { label: 'image' })).url;
    const id = await app.use(showClothes).add(
      { kind: params.kind, merchantUserId, name: params.name, image, intro: params.intro, priceCents: yuanToCents(params.price), status: params.status },
      params.admin_id,
    );
    return { cloth_id: String(id) };
  },
});
