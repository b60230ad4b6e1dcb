import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { addressService } from '../../../../../platform/identity/addresses';

export const userAddressDefaultSet = defineMethod<{ addressid: number }>({
  name: 'user.address.default.set',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Make an address the default one.',
  schema: Joi.object({ addressid: idField().required() }),
  async handler({ addressid }, call, app) {
    await app.use(addressService).setDefault(call.user!.userId, addressid);
  },
});
