import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { userDirectory } from '../../../platform/identity/users';
import { categoryService } from '../services/content/categories';
import { GOODS_CAT_TYPE, GoodsStatus, ProductStatus, SPEC_JOIN, SPEC_PAIR, goodsService } from '../services/mall/goods';
import { orderService } from '../services/mall/orders';
import { pointsService } from '../services/mall/points';
import { insertId, transaction, type Knex } from '../../../storage/db';

const DEMO_MOBILE = '13800138000';
const DEMO_POINTS = 20_000;
const IMAGE_HOST = 'http://files.example.com/images/mall';

const CATEGORY_TREE: Array<{ name: string; children: string[] }> = [
  { name: '数码周边', children: ['键盘鼠标', '耳机音箱'] },
  { name: '生活好物', children: ['服饰', '文具'] },
];

interface SkuSeed {
  skuid: string;
  spec?: Record<string, string>;
  market_price: number;
  sales_price: number;
  stock: number;
}

interface GoodsSeed {
  key: string;
  category: string;
  goods_name: string;
  limit_count?: number;
  status?: number;
  skus: SkuSeed[];
}

const GOODS: GoodsSeed[] = [
  { key: 'keyboard', category: '键盘鼠标', goods_name: 'ikbc C104 樱桃轴机械键盘', skus: [{ skuid: 'ikbc00000001', market_price: 399, sales_price: 399, stock: 993 }] },
  {
    key: 'mouse',
    category: '键盘鼠标',
    goods_name: '明基绝地求生吃鸡鼠标',
    skus: [
      { skuid: 'ben001', spec: { 颜色: '红色' }, market_price: 199, sales_price: 160, stock: 999 },
      { skuid: 'ben002', spec: { 颜色: '黑色' }, market_price: 199, sales_price: 160, stock: 999 },
    ],
  },
  {
    key: 'headset',
    category: '耳机音箱',
    goods_name: '无线蓝牙耳机',
    skus: [
      { skuid: 'bt-white', spec: { 颜色: '白色' }, market_price: 1299, sales_price: 1099, stock: 50 },
      { skuid: 'bt-black', spec: { 颜色: '黑色' }, market_price: 1399, sales_price: 1199, stock: 50 },
    ],
  },
  { key: 'jacket', category: '服饰', goods_name: 'ChinaJoy 服装', limit_count: 1, skus: [{ skuid: 'cj-jacket', market_price: 9000, sales_price: 9000, stock: 100 }] },
  { key: 'badge', category: '服饰', goods_name: '限量纪念徽章', skus: [{ skuid: 'badge-2020', market_price: 800, sales_price: 500, stock: 10 }] },
  { key: 'notebook', category: '文具', goods_name: '皮面笔记本', skus: [{ skuid: 'note-a5', market_price: 80, sales_price: 50, stock: 500 }] },
  { key: 'mug', category: '生活好物', goods_name: '不锈钢保温杯', skus: [{ skuid: 'mug-350', market_price: 260, sales_price: 200, stock: 300 }] },
  { key: 'retired', category: '文具', goods_name: '旧款钢笔（已下架）', status: GoodsStatus.OFF, skus: [{ skuid: 'pen-old', market_price: 120, sales_price: 100, stock: 20 }] },
];

export interface SeededMall {
  categories: Record<string, number>;
  /** goodsid by seed key (keyboard, mouse, headset, jacket, badge, notebook, mug, retired). */
  goods: Record<string, number>;
  /** productid by skuid. */
  products: Record<string, number>;
  /** The demo user's orders by status, when the demo user (with an address) exists. */
  orders: { toShip: number; shipped: number; done: number; cancelled: number } | null;
}

const audit = (now: number) => ({ c_time: now, u_time: now, c_by: 0, u_by: 0 });

function specKey(spec: Record<string, string>): string {
  return Object.entries(spec)
    .map(([name, value]) => `${name}${SPEC_PAIR}${value}`)
    .join(SPEC_JOIN);
}

/** `{name: [values]}` over a goods' SKUs, in first-seen order; `[]` for a single-spec goods. */
function specValues(skus: SkuSeed[]): Record<string, string[]> | [] {
  const values: Record<string, string[]> = {};
  for (const sku of skus) {
    for (const [name, value] of Object.entries(sku.spec ?? {})) {
      values[name] ??= [];
      if (!values[name].includes(value)) values[name].push(value);
    }
  }
  return Object.keys(values).length ? values : [];
}

async function seedCategories(app: AppContext, trx: Knex.Transaction, now: number): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  const add = async (cat_name: string, parentid: number, listorder: number) => {
    const code = await app.use(categoryService).allocateCode(trx, parentid);
    ids[cat_name] = await insertId(
      trx('categories').insert({ cat_name, cat_type: GOODS_CAT_TYPE, parentid, ...code, display: 1, status: 1, listorder, ...audit(now) }),
    );
    return ids[cat_name];
  };
  for (const [i, root] of CATEGORY_TREE.entries()) {
    const rootId = await add(root.name, 0, i);
    for (const [j, child] of root.children.entries()) await add(child, rootId, j);
  }
  return ids;
}

async function seedGoods(app: AppContext, trx: Knex.Transaction, categories: Record<string, number>, now: number) {
  const goods: Record<string, number> = {};
  const products: Record<string, number> = {};
  for (const g of GOODS) {
    const album = [1, 2, 3, 4, 5].map((n) => `${IMAGE_HOST}/${g.key}-${n}.jpg`);
    const goodsid = await insertId(
      trx('goods').insert({
        cat_id: categories[g.category],
        goods_name: g.goods_name,
        goods_img: album[0],
        goods_image: JSON.stringify(album),
        description: `<p>${g.goods_name}</p>`,
        spec_val: JSON.stringify(specValues(g.skus)),
        limit_count: g.limit_count ?? 0,
        buy_count: 0,
        status: g.status ?? GoodsStatus.ON,
        ...audit(now),
      }),
    );
    goods[g.key] = goodsid;
    for (const sku of g.skus) {
      products[sku.skuid] = await insertId(
        trx('products').insert({
          goodsid,
          skuid: sku.skuid,
          spec_val: sku.spec ? specKey(sku.spec) : '',
          arr_spec_val: JSON.stringify(sku.spec ?? []),
          market_price: sku.market_price,
          sales_price: sku.sales_price,
          stock: sku.stock,
          status: ProductStatus.LIVE,
          ...audit(now),
        }),
      );
    }
    await app.use(goodsService).refreshPrices(trx, goodsid);
  }
  return { goods, products };
}

/** The demo member's points and one order in each of 待发货, 已发货, 交易成功, 已取消 (through the real services). */
async function seedDemoOrders(app: AppContext, products: Record<string, number>): Promise<SeededMall['orders']> {
  const user = await app.use(userDirectory).byMobile(DEMO_MOBILE);
  if (!user) return null;
  const userId = Number(user.id);
  await app.use(pointsService).grant(userId, DEMO_POINTS, '新用户注册赠送');
  const address = await app.db('user_addresses').where({ user_id: userId, status: 1 }).orderBy('is_default', 'desc').first('addressid');
  if (!address) return null;
  const orders = app.use(orderService);
  const place = async (skuid: string, quantity: number) =>
    (await orders.place(userId, { productid: products[skuid], quantity, addressid: Number(address.addressid) })).orderid;
  const toShip = await place('ikbc00000001', 1);
  const shipped = await place('ben001', 2);
  const done = await place('note-a5', 3);
  const cancelled = await place('mug-350', 1);
  await orders.ship(shipped, { express_name: '顺丰速运', express_sn: 'SF1000000001' }, 0);
  await orders.ship(done, { express_name: '中通快递', express_sn: 'ZT2000000002' }, 0);
  await orders.confirm(userId, done);
  await orders.cancel(userId, cancelled);
  // The catalog's demo member holds 20000 points after their orders: top up what the orders spent.
  const spent = DEMO_POINTS - (await app.use(pointsService).balance(userId));
  if (spent > 0) await app.use(pointsService).grant(userId, spent, '活动奖励');
  return { toShip, shipped, done, cancelled };
}

/** The mall's demo data (catalog-app "Demo seed"); reusable by tests on a fresh database. */
export async function seedMall(app: AppContext): Promise<SeededMall> {
  const now = unixSeconds(app.clock);
  const { categories, goods, products } = await transaction(app.db, async (trx) => {
    const categories = await seedCategories(app, trx, now);
    return { categories, ...(await seedGoods(app, trx, categories, now)) };
  });
  const orders = await seedDemoOrders(app, products);
  return { categories, goods, products, orders };
}

export async function seed(app: AppContext): Promise<void> {
  await seedMall(app);
}
