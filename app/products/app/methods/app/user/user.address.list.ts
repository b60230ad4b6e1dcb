import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { addressService, type Address } from '../../../../../platform/identity/addresses';

export const userAddressList = defineMethod<Record<string, never>, { list: Address[] }>({
  name: 'user.address.list',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'The member\'s addresses with their region names, the default first.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    return { list: await app.use(addressService).list(call.user!.userId) };
  },
});
