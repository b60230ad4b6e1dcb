import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { adminGoodsService, type GoodsInput, type NewProduct } from '../../../services/mall/adminGoods';
import { adminIdField } from '../../../backoffice/crud';
import { goodsFields, priceFields, productSpecField, skuidField } from '../../../services/mall/adminParams';

type Params = Required<GoodsInput> & { products: NewProduct[]; admin_id: number };

export const adminGoodsAdd = defineMethod<Params, { goodsid: number }>({
  name: 'goods.add',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Creates a goods with its products, off shelf; every product must place in the goods spec grid.',
  schema: Joi.object({
    admin_id: adminIdField(),
    goods_name: goodsFields.goods_name.required(),
    cat_id: goodsFields.cat_id.required(),
    goods_img: goodsFields.goods_img.invalid('').required(),
    goods_image: goodsFields.goods_image.default([]),
    description: goodsFields.description.default(''),
    limit_count: goodsFields.limit_count.default(0),
    spec_val: goodsFields.spec_val.default({}),
    products: Joi.array()
      .items(
        Joi.object({
          spec: productSpecField().default({}),
          market_price: priceFields.market_price.required(),
          sales_price: priceFields.sales_price.required(),
          stock: Joi.number().integer().min(0).max(10_000_000).required(),
          skuid: skuidField().required(),
        }),
      )
      .min(1)
      .max(200)
      .unique('skuid')
      .required(),
  }),
  async handler({ admin_id, products, ...goods }, _call, app) {
    return { goodsid: await app.use(adminGoodsService).add({ ...goods, products }, admin_id) };
  },
});
