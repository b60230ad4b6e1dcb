import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod } from '../../../../../registry/method';
import { adminGoodsService, type ProductInput } from '../../../services/mall/adminGoods';
import { adminIdField } from '../../../backoffice/crud';
import { priceFields, productSpecField, skuidField } from '../../../services/mall/adminParams';
import { ProductStatus } from '../../../services/mall/goods';

type Params = ProductInput & { goodsid: number; admin_id: number; market_price: number; sales_price: number; skuid: string };

export const adminProductAdd = defineMethod<Params, { productid: number }>({
  name: 'product.add',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Adds a product (SKU) to a goods with stock 0; stock then moves only through stock.adjust.',
  schema: Joi.object({
    admin_id: adminIdField(),
    goodsid: idField().required(),
    spec: productSpecField().default({}),
    market_price: priceFields.market_price.required(),
    sales_price: priceFields.sales_price.required(),
    skuid: skuidField().required(),
    status: Joi.number().integer().valid(ProductStatus.DISABLED, ProductStatus.LIVE).default(ProductStatus.LIVE),
  }),
  async handler({ admin_id, goodsid, ...product }, _call, app) {
    return { productid: await app.use(adminGoodsService).addProduct(goodsid, product, admin_id) };
  },
});
