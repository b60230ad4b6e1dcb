import type { AppContext } from '../../../../context';
import { sanitizeStoredHtml } from '../../backoffice/html';
import { unixSeconds } from '../../../../core/clock';
import { refuse } from '../../../../core/errors';
import { formatTime } from '../../../../core/time';
import { insertId, isUniqueViolation, transaction, type Knex } from '../../../../storage/db';
import { resolveImages } from '../../backoffice/fields';
import { paginate, type Page } from '../../../../platform/paging';
import { placeSpec, readSpecObject, storedSpecVal, type ProductSpec, type SpecVal } from './adminSpecs';
import { GOODS_CAT_TYPE, GoodsStatus, goodsService, parseJson, ProductStatus, type ProductView } from './goods';

/** The largest stock an INT column holds; adjustments stop there instead of failing with a 500. */
const MAX_STOCK = 2_147_483_647;

export interface GoodsInput {
  goods_name?: string;
  cat_id?: number;
  goods_img?: string;
  goods_image?: string[];
  description?: string;
  limit_count?: number;
  spec_val?: SpecVal;
}

export interface ProductInput {
  spec?: Record<string, string> | string;
  market_price?: number;
  sales_price?: number;
  skuid?: string;
  status?: number;
}

export interface NewProduct extends ProductInput {
  market_price: number;
  sales_price: number;
  skuid: string;
  stock: number;
}

export interface AdminGoodsFilter {
  cat_id: number;
  keywords: string;
  /** -1 = every status but deleted. */
  status: number;
  page: number;
}

export interface AdminGoods {
  goodsid: number;
  cat_id: number;
  goods_name: string;
  goods_img: string;
  min_price: number;
  max_price: number;
  min_market_price: number;
  max_market_price: number;
  buy_count: number;
  month_buy_count: number;
  limit_count: number;
  /** Units in stock over the live products. */
  stock: number;
  status: number;
  c_time: string | null;
  u_time: string | null;
}

export interface AdminProduct extends ProductView {
  status: number;
}

export interface AdminGoodsDetail extends AdminGoods {
  description: string;
  goods_image: string[];
  spec_val: SpecVal | [];
  products: AdminProduct[];
}

interface GoodsRow {
  goodsid: number;
  cat_id: number;
  goods_name: string;
  goods_img: string;
  goods_image: string;
  description: string;
  spec_val: string;
  limit_count: number;
  min_price: number;
  max_price: number;
  min_market_price: number;
  max_market_price: number;
  buy_count: number;
  status: number;
  c_time: number;
  u_time: number;
}

interface ProductRow {
  productid: number;
  goodsid: number;
  market_price: number;
  sales_price: number;
  stock: number;
  spec_val: string;
  arr_spec_val: string;
  skuid: string;
  status: number;
}

const GOODS_LIST_COLUMNS = [
  'goodsid', 'cat_id', 'goods_name', 'goods_img', 'min_price', 'max_price', 'min_market_price', 'max_market_price',
  'buy_count', 'limit_count', 'status', 'c_time', 'u_time',
];

/**
 * The back office's side of the mall: goods and their products (SKUs), shelving and stock. Every
 * change that touches products re-caches the goods' price range in the same transaction, and stock
 * only moves by conditional updates, so it never goes below zero however many adjust at once.
 */
export class AdminGoodsService {
  constructor(private readonly app: AppContext) {}

  async list(filter: AdminGoodsFilter): Promise<Page<AdminGoods>> {
    const query = this.app.db('goods').orderBy('goodsid', 'desc').select(GOODS_LIST_COLUMNS);
    if (filter.status === -1) query.whereNot('status', GoodsStatus.DELETED);
    else query.where('status', filter.status);
    if (filter.cat_id !== -1) query.where('cat_id', filter.cat_id);
    // INSTR needs no LIKE escaping and means the same on MySQL and SQLite.
    if (filter.keywords) query.whereRaw('INSTR(goods_name, ?) > 0', [filter.keywords]);
    const page = await paginate<GoodsRow, GoodsRow>(query, filter.page, this.app.config.paging.pageSize);
    return { ...page, list: await this.summaries(page.list) };
  }

  async detail(goodsid: number): Promise<AdminGoodsDetail> {
    const row = await this.app.db('goods').where({ goodsid }).whereNot('status', GoodsStatus.DELETED).first<GoodsRow | undefined>();
    if (!row) throw refuse('goods not found');
    const products = await this.app.db('products')
      .where({ goodsid })
      .whereNot('status', ProductStatus.DELETED)
      .orderBy('productid', 'asc')
      .select<ProductRow[]>();
    const [summary] = await this.summaries([row]);
    const specVal = readSpecObject<SpecVal>(row.spec_val);
    return {
      ...summary,
      description: row.description,
      goods_image: parseJson<string[]>(row.goods_image, []),
      spec_val: Object.keys(specVal).length ? specVal : [],
      products: products.map((p) => ({
        productid: Number(p.productid),
        market_price: Number(p.market_price),
        sales_price: Number(p.sales_price),
        stock: Number(p.stock),
        spec_val: p.spec_val,
        skuid: p.skuid,
        arr_spec_val: p.spec_val ? readSpecObject<Record<string, string>>(p.arr_spec_val) : [],
        status: Number(p.status),
      })),
    };
  }

  /** A new goods with its products, off shelf until `shelve`. */
  async add(input: Required<GoodsInput> & { products: NewProduct[] }, adminId: number): Promise<number> {
    return transaction(this.app.db, async (trx) => {
      await this.checkCategory(trx, input.cat_id);
      const now = unixSeconds(this.app.clock);
      const goodsid = await insertId(
        trx('goods').insert({
          ...(await this.goodsColumns(trx, input)),
          status: GoodsStatus.OFF,
          c_time: now,
          u_time: now,
          c_by: adminId,
          u_by: adminId,
        }),
      );
      const taken = new Set<string>();
      for (const product of input.products) {
        const spec = placeSpec(input.spec_val, product.spec ?? {});
        if (taken.has(spec.spec_val)) throw refuse(`two products have the same spec "${spec.spec_val}"`);
        taken.add(spec.spec_val);
        await this.insertProduct(trx, goodsid, spec, product, adminId);
      }
      await this.app.use(goodsService).refreshPrices(trx, goodsid, adminId);
      return goodsid;
    });
  }

  /** Changes goods fields; a new spec grid must still place every product (503 spec unknown). */
  async edit(goodsid: number, input: GoodsInput, adminId: number): Promise<void> {
    await transaction(this.app.db, async (trx) => {
      await this.lockGoods(trx, goodsid);
      if (input.cat_id !== undefined) await this.checkCategory(trx, input.cat_id);
      const now = unixSeconds(this.app.clock);
      if (input.spec_val !== undefined) {
        const products = await trx('products').where({ goodsid }).whereNot('status', ProductStatus.DELETED).select<ProductRow[]>('productid', 'spec_val', 'arr_spec_val');
        for (const product of products) {
          const placed = placeSpec(input.spec_val, product.spec_val ? readSpecObject<Record<string, string>>(product.arr_spec_val) : {});
          if (placed.spec_val !== product.spec_val) {
            await trx('products').where({ productid: product.productid }).update({ spec_val: placed.spec_val, u_time: now, u_by: adminId });
          }
        }
      }
      await trx('goods').where({ goodsid }).update({ ...(await this.goodsColumns(trx, input)), u_time: now, u_by: adminId });
    });
  }

  /** Soft delete: the goods leaves the shop and the back-office lists; orders keep their snapshots. */
  async remove(goodsid: number, adminId: number): Promise<void> {
    const changed = await this.app.db('goods')
      .where({ goodsid })
      .whereNot('status', GoodsStatus.DELETED)
      .update({ status: GoodsStatus.DELETED, u_time: unixSeconds(this.app.clock), u_by: adminId });
    if (!changed) throw refuse('goods not found');
  }

  async shelve(goodsid: number, on: boolean, adminId: number): Promise<void> {
    await transaction(this.app.db, async (trx) => {
      await this.lockGoods(trx, goodsid);
      if (on && (await this.liveProductCount(trx, goodsid)) === 0) throw refuse('no active product: add or enable one first');
      await trx('goods')
        .where({ goodsid })
        .update({ status: on ? GoodsStatus.ON : GoodsStatus.OFF, u_time: unixSeconds(this.app.clock), u_by: adminId });
    });
  }

  /** A new product with no stock (stock moves only through `adjustStock`). */
  async addProduct(goodsid: number, input: ProductInput & { market_price: number; sales_price: number; skuid: string }, adminId: number): Promise<number> {
    return transaction(this.app.db, async (trx) => {
      const goods = await this.lockGoods(trx, goodsid);
      const spec = placeSpec(readSpecObject<SpecVal>(goods.spec_val), input.spec ?? {});
      await this.checkSpecFree(trx, goodsid, spec.spec_val);
      const productid = await this.insertProduct(trx, goodsid, spec, { ...input, stock: 0 }, adminId);
      await this.app.use(goodsService).refreshPrices(trx, goodsid, adminId);
      return productid;
    });
  }

  /** Changes a product's spec, prices, SKU or status; a goods on shelf keeps at least one live product. */
  async editProduct(productid: number, input: ProductInput, adminId: number): Promise<void> {
    await transaction(this.app.db, async (trx) => {
      const found = await trx('products').where({ productid }).whereNot('status', ProductStatus.DELETED).first<ProductRow | undefined>('goodsid');
      if (!found) throw refuse('product not found');
      const goods = await this.lockGoods(trx, found.goodsid);
      const changes: Record<string, unknown> = {};
      if (input.spec !== undefined) {
        const spec = placeSpec(readSpecObject<SpecVal>(goods.spec_val), input.spec);
        await this.checkSpecFree(trx, found.goodsid, spec.spec_val, productid);
        Object.assign(changes, this.specColumns(spec));
      }
      for (const key of ['market_price', 'sales_price', 'skuid', 'status'] as const) {
        if (input[key] !== undefined) changes[key] = input[key];
      }
      await this.writeProduct(trx('products').where({ productid }).update({ ...changes, u_time: unixSeconds(this.app.clock), u_by: adminId }));
      if (Number(goods.status) === GoodsStatus.ON && (await this.liveProductCount(trx, found.goodsid)) === 0) {
        throw refuse('the goods is on shelf and needs an active product: take it off shelf first');
      }
      await this.app.use(goodsService).refreshPrices(trx, found.goodsid, adminId);
    });
  }

  /**
   * Moves stock by `delta` in one conditional UPDATE: the database checks the bound on the value it
   * writes, so concurrent adjustments and orders can never take it below zero.
   */
  async adjustStock(productid: number, delta: number, reason: string, adminId: number): Promise<number> {
    return transaction(this.app.db, async (trx) => {
      const update = trx('products').where({ productid }).whereNot('status', ProductStatus.DELETED);
      if (delta < 0) update.where('stock', '>=', -delta);
      else update.where('stock', '<=', MAX_STOCK - delta);
      const changed = await update.update({ stock: trx.raw('stock + ?', [delta]), u_time: unixSeconds(this.app.clock), u_by: adminId });
      const row = await trx('products').where({ productid }).whereNot('status', ProductStatus.DELETED).first('stock');
      if (!row) throw refuse('product not found');
      if (!changed) throw refuse(delta < 0 ? `stock would go below 0 (stock ${Number(row.stock)})` : 'stock would exceed its limit');
      const stock = Number(row.stock);
      this.app.logger.info({ productid, delta, stock, reason, admin_id: adminId }, 'stock adjusted');
      return stock;
    });
  }

  /** List rows in the admin shape, with this month's sales and the stock of live products. */
  private async summaries(rows: GoodsRow[]): Promise<AdminGoods[]> {
    const ids = rows.map((row) => Number(row.goodsid));
    const [monthly, stocks] = await Promise.all([this.app.use(goodsService).monthBuyCounts(ids), this.liveStock(ids)]);
    return rows.map((row) => ({
      goodsid: Number(row.goodsid),
      cat_id: Number(row.cat_id),
      goods_name: row.goods_name,
      goods_img: row.goods_img,
      min_price: Number(row.min_price),
      max_price: Number(row.max_price),
      min_market_price: Number(row.min_market_price),
      max_market_price: Number(row.max_market_price),
      buy_count: Number(row.buy_count),
      month_buy_count: monthly.get(Number(row.goodsid)) ?? 0,
      limit_count: Number(row.limit_count),
      stock: stocks.get(Number(row.goodsid)) ?? 0,
      status: Number(row.status),
      c_time: formatTime(Number(row.c_time)),
      u_time: formatTime(Number(row.u_time)),
    }));
  }

  private async liveStock(goodsids: number[]): Promise<Map<number, number>> {
    if (goodsids.length === 0) return new Map();
    const rows = (await this.app.db('products')
      .whereIn('goodsid', goodsids)
      .where('status', ProductStatus.LIVE)
      .groupBy('goodsid')
      .select('goodsid')
      .sum({ units: 'stock' })) as Array<{ goodsid: number; units: number | string }>;
    return new Map(rows.map((r) => [Number(r.goodsid), Number(r.units)]));
  }

  /** The goods row, locked for the rest of the transaction so product changes to one goods queue up. */
  private async lockGoods(trx: Knex.Transaction, goodsid: number): Promise<GoodsRow> {
    const goods = await trx('goods').where({ goodsid }).whereNot('status', GoodsStatus.DELETED).forUpdate().first<GoodsRow | undefined>();
    if (!goods) throw refuse('goods not found');
    return goods;
  }

  private async checkCategory(trx: Knex.Transaction, catId: number): Promise<void> {
    const cat = await trx('categories').where({ cat_id: catId, cat_type: GOODS_CAT_TYPE, status: 1 }).first('cat_id');
    if (!cat) throw refuse('category not found (cat_id must be a goods category)');
  }

  private async checkSpecFree(trx: Knex.Transaction, goodsid: number, specVal: string, exceptProductid?: number): Promise<void> {
    const query = trx('products').where({ goodsid, spec_val: specVal }).whereNot('status', ProductStatus.DELETED);
    if (exceptProductid !== undefined) query.whereNot('productid', exceptProductid);
    if (await query.first('productid')) throw refuse(`a product with spec "${specVal}" exists`);
  }

  private async liveProductCount(trx: Knex.Transaction, goodsid: number): Promise<number> {
    const [row] = await trx('products').where({ goodsid, status: ProductStatus.LIVE }).count({ n: '*' });
    return Number(row?.n ?? 0);
  }

  private async insertProduct(trx: Knex.Transaction, goodsid: number, spec: ProductSpec, product: NewProduct, adminId: number): Promise<number> {
    const now = unixSeconds(this.app.clock);
    return this.writeProduct(
      insertId(
        trx('products').insert({
          goodsid,
          skuid: product.skuid,
          ...this.specColumns(spec),
          market_price: product.market_price,
          sales_price: product.sales_price,
          stock: product.stock,
          status: product.status ?? ProductStatus.LIVE,
          c_time: now,
          u_time: now,
          c_by: adminId,
          u_by: adminId,
        }),
      ),
    );
  }

  /** UNIQUE (skuid) answers "taken" rather than a 500. */
  private async writeProduct<T>(write: PromiseLike<T>): Promise<T> {
    try {
      return await write;
    } catch (err) {
      if (isUniqueViolation(err)) throw refuse('skuid taken');
      throw err;
    }
  }

  private specColumns(spec: ProductSpec): { spec_val: string; arr_spec_val: string } {
    return { spec_val: spec.spec_val, arr_spec_val: JSON.stringify(spec.arr_spec_val) };
  }

  /** The given fields as columns, uploaded file ids turned into their URLs. */
  private async goodsColumns(trx: Knex.Transaction, input: GoodsInput): Promise<Record<string, unknown>> {
    const columns: Record<string, unknown> = {};
    for (const key of ['goods_name', 'cat_id', 'limit_count'] as const) {
      if (input[key] !== undefined) columns[key] = input[key];
    }
    // The description is HTML shown in the app's web view: cleaned like news and notices.
    if (input.description !== undefined) columns.description = sanitizeStoredHtml(input.description, 'description');
    if (input.goods_img !== undefined) columns.goods_img = (await resolveImages({ goods_img: input.goods_img }, ['goods_img'], trx, this.app)).goods_img;
    if (input.goods_image !== undefined) {
      const album = Object.fromEntries(input.goods_image.map((image, i) => [`goods_image[${i}]`, image]));
      const resolved = await resolveImages(album, Object.keys(album), trx, this.app);
      columns.goods_image = JSON.stringify(Object.values(resolved));
    }
    if (input.spec_val !== undefined) columns.spec_val = storedSpecVal(input.spec_val);
    return columns;
  }
}

export const adminGoodsService = (app: AppContext): AdminGoodsService => new AdminGoodsService(app);
