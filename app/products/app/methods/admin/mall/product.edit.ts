import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { adminGoodsService, type ProductInput } from '../../../services/mall/adminGoods';
import { adminIdField } from '../../../backoffice/crud';
import { priceFields, productSpecField, skuidField } from '../../../services/mall/adminParams';
import { ProductStatus } from '../../../services/mall/goods';

const EDITABLE = ['spec', 'market_price', 'sales_price', 'skuid', 'status'];

export const adminProductEdit = defineMethod<ProductInput & { productid: number; admin_id: number }>({
  name: 'product.edit',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Changes a product\'s spec, prices, skuid or status (0 disabled, 1 live, 2 deleted); never its stock.',
  schema: Joi.object({
    admin_id: adminIdField(),
    productid: idField().required(),
    spec: productSpecField(),
    ...priceFields,
    skuid: skuidField(),
    status: Joi.number().integer().valid(...Object.values(ProductStatus)),
  })
    .or(...EDITABLE)
    .messages({ 'object.missing': `give at least one field to change: ${EDITABLE.join(', ')}` }),
  async handler({ admin_id, productid, ...changes }, _call, app) {
    await app.use(adminGoodsService).editProduct(productid, changes, admin_id);
  },
});
