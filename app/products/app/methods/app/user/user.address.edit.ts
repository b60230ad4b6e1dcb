import Joi from 'joi';
import { addressFields, idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { addressService, type AddressFields } from '../../../../../platform/identity/addresses';

const fields = addressFields();

export const userAddressEdit = defineMethod<Partial<AddressFields> & { addressid: number }>({
  name: 'user.address.edit',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Change one or more fields of an address; is_default 1 makes it the default.',
  schema: Joi.object({ addressid: idField().required(), ...fields }).or(...Object.keys(fields)),
  async handler({ addressid, ...changes }, call, app) {
    await app.use(addressService).edit(call.user!.userId, addressid, changes);
  },
});
