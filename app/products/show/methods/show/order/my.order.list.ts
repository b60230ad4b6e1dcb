import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { orderStatusField, pagingFields, type PageParams } from '../../../fields';
import { showOrderViews, type Order } from '../../../services/orderViews';

export const showMyOrderList = defineMethod<PageParams & { status?: number }, { my_order_list: Order[]; total: number; isnext: boolean }>({
  name: 'my.order.list',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The caller's orders, newest first, optionally of one status (0 unpaid, 1 paid, 2 cancelled, 3 used); paged.",
  schema: Joi.object({ ...pagingFields(), status: orderStatusField() }),
  async handler({ status, ...page }, call, app) {
    const { rows, total, isnext } = await app.use(showOrderViews).list(call.user!.userId, status, page);
    return { my_order_list: rows, total, isnext };
  },
});
