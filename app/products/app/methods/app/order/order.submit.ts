import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { orderService } from '../../../services/mall/orders';

interface Params {
  productid: number;
  quantity: number;
  address_id?: number;
  addressid?: number;
  request_token: string;
}

export const orderSubmit = defineMethod<Params, { orderid: number; order_sn: string }>({
  name: 'order.submit',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Buys one product with points: spends the request token, then takes stock and points in one transaction.',
  schema: Joi.object({
    productid: idField().required(),
    quantity: Joi.number().integer().min(1).max(99).required(),
    // The address methods spell it `addressid`; both are accepted.
    address_id: idField(),
    addressid: idField(),
    request_token: Joi.string().trim().required(),
  }).or('address_id', 'addressid'),
  async handler(params, call, app) {
    return app.use(orderService).submit(call, params.request_token, {
      productid: params.productid,
      quantity: params.quantity,
      addressid: (params.address_id ?? params.addressid)!,
    });
  },
});
