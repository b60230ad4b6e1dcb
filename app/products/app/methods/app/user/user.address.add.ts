import Joi from 'joi';
import { addressFields } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { addressService, type AddressFields } from '../../../../../platform/identity/addresses';

const fields = addressFields();

export const userAddressAdd = defineMethod<AddressFields, { address_id: number }>({
  name: 'user.address.add',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Add a delivery address (at most 5); the first one, or one with is_default 1, becomes the default.',
  schema: Joi.object({
    realname: fields.realname.required(),
    mobile: fields.mobile.required(),
    district_id: fields.district_id.required(),
    address: fields.address.required(),
    is_default: fields.is_default.default(0),
  }),
  async handler(params, call, app) {
    return { address_id: await app.use(addressService).add(call.user!.userId, params) };
  },
});
