import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { formatTime } from '../../../core/time';
import type { Page } from '../../../platform/paging';
import { centsToYuan, yuanToCents } from '../../../platform/wallet/money';
import { transaction, type Knex } from '../../../storage/db';
import { campusRefusals } from '../errors';
import type { Paging, SortOrder } from '../fields';
import { insertWithRandomId, pageOf, resolvedPicture, whereLike } from './common';
import { shopService } from './shops';

export const ProductStatus = { OFF_SALE: 0, ON_SALE: 1, DELETED: 2 } as const;

/** product.list `type` → the statuses it shows. */
export const PRODUCT_LIST_TYPES = { up: [ProductStatus.ON_SALE], down: [ProductStatus.OFF_SALE], all: [ProductStatus.OFF_SALE, ProductStatus.ON_SALE], del: [ProductStatus.DELETED] } as const;
export type ProductListType = keyof typeof PRODUCT_LIST_TYPES;

/** ORD fields of product.list: the Product row's own keys, mapped to their columns. */
export const PRODUCT_ORDER_COLUMNS = {
  product_id: 'product_id',
  product_name: 'product_name',
  product_content: 'product_content',
  product_key: 'product_key',
  product_price: 'price_cents',
  product_disprice: 'disprice_cents',
  product_sale: 'product_sale',
  product_click: 'product_click',
  product_collection: 'product_collection',
  shop_id: 'shop_id',
  creat_time: 'creat_time',
  update_time: 'update_time',
  pic_url: 'pic_url',
  product_status: 'product_status',
} as const;

export interface ProductRow {
  product_id: number;
  shop_id: number;
  product_name: string;
  product_content: string;
  product_key: string | null;
  price_cents: number;
  disprice_cents: number | null;
  product_sale: number;
  product_click: number;
  product_collection: number;
  pic_url: string | null;
  product_status: number;
  creat_time: number;
  update_time: number;
}

export interface Product {
  product_id: number;
  product_name: string;
  product_content: string;
  product_key: string | null;
  product_price: number;
  product_disprice: number | null;
  product_sale: number;
  product_click: number;
  product_collection: number;
  shop_id: number;
  creat_time: string | null;
  update_time: string | null;
  pic_url: string | null;
  product_status: number;
}

export interface NewProduct {
  shop_id: number;
  product_name: string;
  product_content?: string;
  product_key?: string;
  product_price: number;
  pic_url?: string | number;
  product_status: number;
}

export interface ProductChanges {
  product_id: number;
  shop_id: number;
  product_status: number;
  product_name?: string;
  product_content?: string;
  product_key?: string;
  product_price?: number;
  product_disprice?: number | null;
  pic_url?: string | number;
}

export interface ProductFilter {
  product_name?: string;
  product_key?: string;
  shop_id?: number;
  type: ProductListType;
}

/** What a buyer pays per unit: the discount price when set (decision 9). */
export const unitCents = (row: Pick<ProductRow, 'price_cents' | 'disprice_cents'>): number =>
  row.disprice_cents === null || row.disprice_cents === undefined ? Number(row.price_cents) : Number(row.disprice_cents);

export function presentProduct(r: ProductRow): Product {
  return {
    product_id: Number(r.product_id),
    product_name: r.product_name,
    product_content: r.product_content,
    product_key: r.product_key,
    product_price: centsToYuan(Number(r.price_cents)),
    product_disprice: r.disprice_cents === null ? null : centsToYuan(Number(r.disprice_cents)),
    product_sale: Number(r.product_sale),
    product_click: Number(r.product_click),
    product_collection: Number(r.product_collection),
    shop_id: Number(r.shop_id),
    creat_time: formatTime(Number(r.creat_time)),
    update_time: formatTime(Number(r.update_time)),
    pic_url: r.pic_url,
    product_status: Number(r.product_status),
  };
}

/** Products of the student shops: 7-digit random ids, prices in cents, soft deletion by status 2. */
export class ProductService {
  constructor(private readonly app: AppContext) {}

  async create(userId: number, params: NewProduct): Promise<{ product_id: number }> {
    if (!(await this.app.use(shopService).owned(params.shop_id, userId))) throw campusRefusals.productNoRight();
    const pic = await resolvedPicture(this.app, params.pic_url, 'pic_url');
    const now = unixSeconds(this.app.clock);
    const productId = await insertWithRandomId(7, (id) =>
      this.app.db('campus_products').insert({
        product_id: id,
        shop_id: params.shop_id,
        product_name: params.product_name,
        product_content: params.product_content ?? '',
        product_key: params.product_key ?? null,
        price_cents: yuanToCents(params.product_price),
        disprice_cents: null,
        pic_url: pic || null,
        product_status: params.product_status,
        creat_time: now,
        update_time: 0,
      }),
    );
    return { product_id: productId };
  }

  /** Changes a product of the caller's shop; the discount must stay below the (new) price. */
  async update(userId: number, params: ProductChanges): Promise<void> {
    const pic = await resolvedPicture(this.app, params.pic_url, 'pic_url');
    await transaction(this.app.db, async (trx) => {
      if (!(await this.app.use(shopService).owned(params.shop_id, userId, trx))) throw campusRefusals.productNoRight();
      const row: ProductRow | undefined = await trx('campus_products').where({ product_id: params.product_id, shop_id: params.shop_id }).forUpdate().first();
      if (!row) throw campusRefusals.productNoRight();
      const price = params.product_price === undefined ? Number(row.price_cents) : yuanToCents(params.product_price);
      const disprice = params.product_disprice === undefined ? row.disprice_cents : params.product_disprice === null ? null : yuanToCents(params.product_disprice);
      if (disprice !== null && disprice !== undefined && Number(disprice) >= price) throw campusRefusals.productDisprice();
      await trx('campus_products').where({ product_id: row.product_id }).update({
        product_status: params.product_status,
        price_cents: price,
        disprice_cents: disprice,
        ...(params.product_name === undefined ? {} : { product_name: params.product_name }),
        ...(params.product_content === undefined ? {} : { product_content: params.product_content }),
        ...(params.product_key === undefined ? {} : { product_key: params.product_key }),
        ...(pic === undefined ? {} : { pic_url: pic || null }),
        update_time: unixSeconds(this.app.clock),
      });
    });
  }

  /**
   * product.list: conditions AND-ed. `del` shows deleted products of the caller's own shops only (of
   * `shop_id` when given, which must then be theirs).
   */
  async list(userId: number, filter: ProductFilter, order: SortOrder, paging: Paging): Promise<Page<Product>> {
    const query = this.app.db('campus_products').select('*').whereIn('product_status', [...PRODUCT_LIST_TYPES[filter.type]]);
    if (filter.type === 'del') {
      if (filter.shop_id !== undefined && !(await this.app.use(shopService).owned(filter.shop_id, userId))) throw campusRefusals.productNoRight();
      query.whereIn('shop_id', this.app.db('campus_shops').where({ user_id: userId }).select('shop_id'));
    }
    if (filter.shop_id !== undefined) query.where({ shop_id: filter.shop_id });
    if (filter.product_name) whereLike(query, 'product_name', filter.product_name);
    if (filter.product_key) whereLike(query, 'product_key', filter.product_key);
    return pageOf<ProductRow, Product>(query, paging, order, [['creat_time', 'asc'], ['product_id', 'asc']], presentProduct);
  }

  /** product.info counts a click; a deleted product is found only by its shop's owner. */
  async info(userId: number, productId: number): Promise<Product> {
    const row: ProductRow | undefined = await this.app.db('campus_products').where({ product_id: productId }).first();
    if (!row || (Number(row.product_status) === ProductStatus.DELETED && !(await this.app.use(shopService).owned(Number(row.shop_id), userId)))) {
      throw campusRefusals.productNotFound();
    }
    await this.app.db('campus_products').where({ product_id: productId }).increment('product_click', 1);
    return presentProduct({ ...row, product_click: Number(row.product_click) + 1 });
  }

  byId(productId: number, db: Knex = this.app.db): Promise<ProductRow | undefined> {
    return db('campus_products').where({ product_id: productId }).first();
  }
}

export const productService = (app: AppContext): ProductService => new ProductService(app);
