/**
 * The rows of the benchmark's large data set (scripts/bench/fixture.ts loads them): news, goods with one
 * SKU each, and orders with one item each, all owned by the demo member. Row n is a pure function of n and
 * the context, so a build is reproducible and a batch can be made anywhere in the sequence. Statuses,
 * shelves, categories and times are spread like a live shop's, so the list queries' WHERE and ORDER BY
 * (and the indexes serving them) meet the same selectivity as in production: most rows visible, some off
 * shelf, hidden or deleted, the newest ids the newest times.
 */
import type { OrderRow } from '../../app/products/app/services/mall/orders';

export interface FixtureContext {
  /** Unix seconds the newest row is dated; row times go back from here. */
  now: number;
  /** Live news categories (leaves and roots of the demo tree). */
  newsCategories: number[];
  /** Live goods categories. */
  goodsCategories: number[];
  /** The member who owns every generated order (the token user of order.list). */
  userId: number;
  /** The first id each table's generated rows take (one past the demo data). */
  firstId: { news: number; goods: number; products: number; orders: number; items: number };
  /** The member's address as orders copy it. */
  receiver: Pick<OrderRow, 'receiver_name' | 'receiver_mobile' | 'receiver_province' | 'receiver_city' | 'receiver_district' | 'receiver_street' | 'receiver_address'>;
}

/** 1000000 → `1m`, 20000 → `20k`, 1234 → `1234`: the data set's name in variant keys and its database. */
export function sizeLabel(rows: number): string {
  if (rows % 1_000_000 === 0) return `${rows / 1_000_000}m`;
  if (rows % 1000 === 0) return `${rows / 1000}k`;
  return String(rows);
}

/** A deterministic number in [0, 1) for (row, salt): a 32-bit integer hash (splitmix-like). */
export function unit(n: number, salt: number): number {
  let h = (Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 0x1_0000_0000;
}

/** Picks by cumulative weights: `[[value, weight], …]`, weights summing to 1. */
function weighted<T>(u: number, choices: Array<[T, number]>): T {
  let acc = 0;
  for (const [value, weight] of choices) {
    acc += weight;
    if (u < acc) return value;
  }
  return choices[choices.length - 1][0];
}

const pick = <T>(u: number, values: readonly T[]): T => values[Math.floor(u * values.length)];

/** Spreads `count` rows over `spanSec`, oldest first: row n of count is dated this many seconds before `now`. */
const age = (n: number, count: number, spanSec: number) => Math.floor(((count - 1 - n) * spanSec) / Math.max(1, count));

const YEAR = 365 * 86400;
const IMAGES = 'http://files.example.com/images';
const SOURCES = ['财经日报', '证券时报', '体育周刊', '腾讯新闻', '中国科学院', '新华社'];
const TOPICS = ['市场观察', '赛事前瞻', '深度解读', '行业快讯', '专题报道', '数据看板'];
const GOODS_WORDS = ['机械键盘', '无线鼠标', '蓝牙耳机', '保温杯', '笔记本', '纪念徽章', '帆布包', 'T 恤'];

/** Live and displayed for most; hidden, off or deleted for some, as an edited archive is. */
export const NEWS_STATUS: Array<[number, number]> = [[1, 0.9], [0, 0.07], [2, 0.03]];
export const GOODS_STATUS: Array<[number, number]> = [[1, 0.8], [0, 0.15], [2, 0.05]];
/** 待发货, 已发货, 交易成功, 已取消, 已关闭: an old account is mostly finished orders. */
export const ORDER_STATUS: Array<[number, number]> = [[1, 0.05], [2, 0.05], [3, 0.75], [4, 0.1], [5, 0.05]];

export function newsRow(n: number, count: number, ctx: FixtureContext) {
  const time = ctx.now - age(n, count, 5 * YEAR);
  const id = ctx.firstId.news + n;
  const topic = pick(unit(n, 1), TOPICS);
  return {
    news_id: id,
    cat_id: pick(unit(n, 2), ctx.newsCategories),
    title: `${topic}：第 ${id} 期`,
    intro: `${topic}，本期带来第 ${id} 期的要点与背景。`,
    image_url: `${IMAGES}/news/${id}.jpg`,
    source: pick(unit(n, 3), SOURCES),
    display: unit(n, 4) < 0.95 ? 1 : 0,
    status: weighted(unit(n, 5), NEWS_STATUS),
    listorder: 0,
    hits: Math.floor(unit(n, 6) * 10_000),
    c_time: time,
    u_time: time,
    c_by: 1,
    u_by: 1,
  };
}

/** What an order item copies of generated goods n. */
function goodsFacts(n: number, ctx: FixtureContext) {
  const goodsid = ctx.firstId.goods + n;
  const price = 50 + Math.floor(unit(n, 11) * 200) * 10;
  return {
    goodsid,
    productid: ctx.firstId.products + n,
    name: `${pick(unit(n, 13), GOODS_WORDS)} ${goodsid} 号款`,
    image: `${IMAGES}/mall/${goodsid}-1.jpg`,
    price,
    market: price + Math.floor(unit(n, 12) * 10) * 10,
  };
}

/** A goods row and its one SKU (single spec, as most of the demo's goods). */
export function goodsRows(n: number, count: number, ctx: FixtureContext) {
  const time = ctx.now - age(n, count, 3 * YEAR);
  const { goodsid, productid, name, image, price, market } = goodsFacts(n, ctx);
  const album = [image, `${IMAGES}/mall/${goodsid}-2.jpg`, `${IMAGES}/mall/${goodsid}-3.jpg`];
  const goods = {
    goodsid,
    cat_id: pick(unit(n, 14), ctx.goodsCategories),
    goods_name: name,
    goods_img: album[0],
    goods_image: JSON.stringify(album),
    description: `<p>${name}</p>`,
    spec_val: '[]',
    limit_count: unit(n, 15) < 0.1 ? 1 : 0,
    min_price: price,
    max_price: price,
    min_market_price: market,
    max_market_price: market,
    buy_count: Math.floor(unit(n, 16) * 500),
    status: weighted(unit(n, 17), GOODS_STATUS),
    c_time: time,
    u_time: time,
    c_by: 1,
    u_by: 1,
  };
  const product = {
    productid,
    goodsid,
    skuid: `bench-${goodsid}`,
    spec_val: '',
    arr_spec_val: '[]',
    market_price: market,
    sales_price: price,
    stock: Math.floor(unit(n, 18) * 1000),
    status: 1,
    c_time: time,
    u_time: time,
    c_by: 1,
    u_by: 1,
  };
  return { goods, product };
}

/** `SN` + the order's Shanghai date + 10 digits; the leading 9 keeps clear of the live daily sequence. */
export function orderSn(orderid: number, cTime: number): string {
  const day = new Date((cTime + 8 * 3600) * 1000).toISOString().slice(0, 10).replace(/-/g, '');
  return `SN${day}9${String(orderid).padStart(9, '0')}`;
}

/**
 * An order of the member with its one item, of a generated goods (so goods.list's 30-day buy counts
 * find items for the newest goods too). Times follow the status: shipped, done and closed orders carry
 * the moments they reached those states.
 */
export function orderRows(n: number, count: number, goodsCount: number, ctx: FixtureContext) {
  const time = ctx.now - age(n, count, 2 * YEAR);
  const orderid = ctx.firstId.orders + n;
  const status = weighted(unit(n, 21), ORDER_STATUS);
  const goods = goodsFacts(Math.floor(unit(n, 22) * goodsCount), ctx);
  const quantity = 1 + Math.floor(unit(n, 23) * 3);
  const total = goods.price * quantity;
  const shipped = status === 2 || status === 3;
  const order = {
    orderid,
    order_sn: orderSn(orderid, time),
    namespace: 'app',
    user_id: ctx.userId,
    total_price: total,
    payment_price: total,
    order_status: status,
    pay_time: time,
    shipping_time: shipped ? time + 86400 : null,
    done_time: status === 3 ? time + 4 * 86400 : null,
    closed_time: status === 4 || status === 5 ? time + 3600 : null,
    ...ctx.receiver,
    express_name: shipped ? '顺丰速运' : '',
    express_sn: shipped ? `SF${String(orderid).padStart(10, '0')}` : '',
    close_reason: status === 5 ? '超时未发货' : '',
    c_time: time,
    u_time: time,
  };
  const item = {
    itemid: ctx.firstId.items + n,
    orderid,
    goodsid: goods.goodsid,
    goods_name: goods.name,
    goods_image: goods.image,
    productid: goods.productid,
    spec_val: '',
    market_price: goods.market,
    sales_price: goods.price,
    quantity,
    payment_price: total,
    total_price: total,
  };
  return { order, item };
}
