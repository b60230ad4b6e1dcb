import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { addressService } from '../../../../../platform/identity/addresses';

export const userAddressDelete = defineMethod<{ addressid: number }>({
  name: 'user.address.delete',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Delete an address (soft); deleting the default makes the newest remaining one the default.',
  schema: Joi.object({ addressid: idField().required() }),
  async handler({ addressid }, call, app) {
    await app.use(addressService).remove(call.user!.userId, addressid);
  },
});
