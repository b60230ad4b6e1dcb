import type { AppContext } from '../../../../context';
import { unixSeconds } from '../../../../core/clock';
import { refuse } from '../../../../core/errors';
import type { JsonText } from '../../../../core/jsonText';
import type { Knex } from '../../../../storage/db';
import { CAT_TYPE, categoryService, subtreePrefix } from '../content/categories';
import { cachedList, paginate, type Page } from '../../../../platform/paging';

export const GOODS_CAT_TYPE = CAT_TYPE.GOODS;
export const GoodsStatus = { OFF: 0, ON: 1, DELETED: 2 } as const;
export const ProductStatus = { DISABLED: 0, LIVE: 1, DELETED: 2 } as const;
/** Order statuses that no longer hold stock, points or a place in the per-user limit. */
export const RELEASED_ORDER_STATUSES = [4, 5];

/** Multi-spec product keys: `颜色:::红色|||尺码:::L` (seed 2.25). */
export const SPEC_PAIR = ':::';
export const SPEC_JOIN = '|||';
export const SINGLE_PRODUCT_KEY = 'single_product';

const MONTH_SECONDS = 30 * 86400;

export interface GoodsSummary {
  goodsid: number;
  goods_name: string;
  min_price: number;
  max_price: number;
  goods_img: string;
  buy_count: number;
  month_buy_count: number;
}

export interface ProductView {
  productid: number;
  market_price: number;
  sales_price: number;
  stock: number;
  spec_val: string;
  skuid: string;
  arr_spec_val: Record<string, string> | [];
}

export interface GoodsDetail extends GoodsSummary {
  min_market_price: number;
  max_market_price: number;
  limit_count: number;
  description: string;
  goods_image: string[];
  spec_val: Record<string, string[]> | [];
  products: Record<string, ProductView>;
}

export interface GoodsFilter {
  cat_id: number;
  keywords: string;
  start_price: number;
  end_price: number;
  page: number;
}

interface GoodsRow {
  goodsid: number;
  goods_name: string;
  min_price: number;
  max_price: number;
  min_market_price: number;
  max_market_price: number;
  goods_img: string;
  goods_image: string;
  description: string;
  spec_val: string;
  limit_count: number;
  buy_count: number;
}

interface ProductRow {
  productid: number;
  market_price: number;
  sales_price: number;
  stock: number;
  spec_val: string;
  skuid: string;
  arr_spec_val: string;
}

/** JSON columns hold `[]` for "none" (the seed's single-spec answer), an object or list otherwise. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** `!` as the LIKE escape: a backslash means different things in MySQL and SQLite string literals. */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

/** The mall's shop window: listing and detail of goods on shelf (admin editing lives elsewhere). */
export class GoodsService {
  constructor(private readonly app: AppContext) {}

  /**
   * Cached: writes to goods, categories and orders change it. The month's buy counts slide with the
   * clock, so an order leaving the 30-day window shows up to `config.paging.listTtlMs` +
   * `config.paging.staleGraceMs` late (the entry's freshness is kept by the app's clock). Only the
   * plain browse (category and page) is cached: searches by name or price have no end of variants.
   */
  async list(filter: GoodsFilter): Promise<Page<GoodsSummary> | JsonText<Page<GoodsSummary>>> {
    const browsing = filter.keywords === '' && filter.start_price === -1 && filter.end_price === -1;
    if (!browsing) return this.listNow(filter);
    const key = `goods:${filter.cat_id}:${filter.page}`;
    return cachedList(this.app.db, ['categories', 'goods', 'order_items', 'orders'], key, () => this.listNow(filter));
  }

  private async listNow(filter: GoodsFilter): Promise<Page<GoodsSummary>> {
    const { start_price: start, end_price: end } = filter;
    if (start !== -1 && end !== -1 && start > end) throw refuse('start_price must not be greater than end_price');
    const db = this.app.db;
    const query = db('goods').where('status', GoodsStatus.ON).orderBy('goodsid', 'desc');
    if (filter.cat_id !== -1) await this.inCategory(query, filter.cat_id);
    if (filter.keywords) query.whereRaw("goods_name LIKE ? ESCAPE '!'", [`%${escapeLike(filter.keywords)}%`]);
    // [min_price, max_price] overlaps [start, end]; -1 leaves that side open.
    if (start !== -1) query.where('max_price', '>=', start);
    if (end !== -1) query.where('min_price', '<=', end);
    query.select('goodsid', 'goods_name', 'min_price', 'max_price', 'goods_img', 'buy_count');
    const page = await paginate<GoodsRow, GoodsSummary>(query, filter.page, this.app.config.paging.pageSize, (row) => this.summary(row, 0));
    const monthly = await this.monthBuyCounts(page.list.map((g) => g.goodsid));
    for (const goods of page.list) goods.month_buy_count = monthly.get(goods.goodsid) ?? 0;
    return page;
  }

  async detail(goodsid: number): Promise<GoodsDetail> {
    const row = await this.app.db('goods').where({ goodsid, status: GoodsStatus.ON }).first<GoodsRow | undefined>();
    if (!row) throw refuse('goods not found or off shelf');
    const products = await this.app.db('products')
      .where({ goodsid, status: ProductStatus.LIVE })
      .orderBy('productid', 'asc')
      .select<ProductRow[]>('productid', 'market_price', 'sales_price', 'stock', 'spec_val', 'skuid', 'arr_spec_val');
    const monthly = await this.monthBuyCounts([goodsid]);
    const specVal = parseJson<Record<string, string[]> | []>(row.spec_val, []);
    const single = Array.isArray(specVal) || Object.keys(specVal).length === 0;
    const keyed: Record<string, ProductView> = {};
    for (const p of products) {
      const view: ProductView = {
        productid: Number(p.productid),
        market_price: Number(p.market_price),
        sales_price: Number(p.sales_price),
        stock: Number(p.stock),
        spec_val: single ? '' : p.spec_val,
        skuid: p.skuid,
        arr_spec_val: single ? [] : parseJson<Record<string, string>>(p.arr_spec_val, {}),
      };
      keyed[single ? SINGLE_PRODUCT_KEY : p.spec_val] = view;
    }
    return {
      ...this.summary(row, monthly.get(goodsid) ?? 0),
      min_market_price: Number(row.min_market_price),
      max_market_price: Number(row.max_market_price),
      limit_count: Number(row.limit_count),
      description: row.description ?? '',
      products: keyed,
      spec_val: single ? [] : specVal,
      goods_image: parseJson<string[]>(row.goods_image, []).slice(0, 5),
    };
  }

  /**
   * Re-caches a goods row's min/max sales and market prices from its live products, in the caller's
   * transaction (after a product is added, edited or removed).
   */
  async refreshPrices(db: Knex | Knex.Transaction, goodsid: number, adminId = 0): Promise<void> {
    const [range] = await db('products')
      .where({ goodsid, status: ProductStatus.LIVE })
      .min({ min_price: 'sales_price', min_market_price: 'market_price' })
      .max({ max_price: 'sales_price', max_market_price: 'market_price' });
    await db('goods')
      .where({ goodsid })
      .update({
        min_price: Number(range?.min_price ?? 0),
        max_price: Number(range?.max_price ?? 0),
        min_market_price: Number(range?.min_market_price ?? 0),
        max_market_price: Number(range?.max_market_price ?? 0),
        u_time: unixSeconds(this.app.clock),
        u_by: adminId,
      });
  }

  /** Units of each goods in orders of the last 30 days that were not cancelled or closed. */
  async monthBuyCounts(goodsids: number[]): Promise<Map<number, number>> {
    if (goodsids.length === 0) return new Map();
    const since = unixSeconds(this.app.clock) - MONTH_SECONDS;
    const rows = await this.app.db('order_items as i')
      .join('orders as o', 'o.orderid', 'i.orderid')
      .whereIn('i.goodsid', goodsids)
      .whereNotIn('o.order_status', RELEASED_ORDER_STATUSES)
      .where('o.c_time', '>=', since)
      .groupBy('i.goodsid')
      .select('i.goodsid')
      .sum({ units: 'i.quantity' });
    return new Map((rows as Array<{ goodsid: number; units: number | string }>).map((r) => [Number(r.goodsid), Number(r.units)]));
  }

  /** Narrows `query` to a live goods category and all below it (cat_code prefix); to nothing for an unknown one. */
  private async inCategory(query: Knex.QueryBuilder, catId: number): Promise<void> {
    const category = await this.app.use(categoryService).findLive(catId, GOODS_CAT_TYPE);
    if (!category) {
      query.whereRaw('1 = 0');
      return;
    }
    query.whereIn(
      'cat_id',
      this.app.db('categories').where({ cat_type: GOODS_CAT_TYPE, status: 1 }).where('cat_code', 'like', `${subtreePrefix(category)}%`).select('cat_id'),
    );
  }

  private summary(row: GoodsRow, monthBuyCount: number): GoodsSummary {
    return {
      goodsid: Number(row.goodsid),
      goods_name: row.goods_name,
      min_price: Number(row.min_price),
      max_price: Number(row.max_price),
      goods_img: row.goods_img,
      buy_count: Number(row.buy_count),
      month_buy_count: monthBuyCount,
    };
  }
}

export const goodsService = (app: AppContext): GoodsService => new GoodsService(app);
