import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import type { Caller } from '../../../core/caller';
import { formatTime } from '../../../core/time';
import { userDirectory } from '../../../platform/identity/users';
import type { Page } from '../../../platform/paging';
import { isUniqueViolation, transaction, type Knex } from '../../../storage/db';
import { campusRefusals } from '../errors';
import type { Paging, SortOrder } from '../fields';
import { insertWithRandomId, pageOf, resolvedPicture, userNames, whereLike } from './common';

/** Shops per student (catalog: "default 3/user"). */
export const SHOP_LIMIT_PER_USER = 3;

/** ORD fields of shop.list: the Shop row's own columns. */
export const SHOP_ORDER_COLUMNS = {
  shop_id: 'shop_id',
  shop_name: 'shop_name',
  shop_content: 'shop_content',
  user_id: 'user_id',
  creat_time: 'creat_time',
  pic_url: 'pic_url',
} as const;

export interface ShopRow {
  shop_id: number;
  shop_name: string;
  shop_content: string;
  user_id: number;
  pic_url: string;
  creat_time: number;
}

export interface Shop {
  shop_id: number;
  shop_name: string;
  shop_content: string;
  user_id: number;
  user_name: string;
  creat_time: string | null;
  pic_url: string;
}

const user = (call: Pick<Caller, 'user'>): number => call.user!.userId;

/** The student marketplace's shops: 9-digit random ids, unique immutable names, at most 3 per student. */
export class ShopService {
  constructor(private readonly app: AppContext) {}

  /** The shop, if `userId` owns it (products and purchases check rights through this). */
  async owned(shopId: number, userId: number, db: Knex = this.app.db): Promise<ShopRow | undefined> {
    return db('campus_shops').where({ shop_id: shopId, user_id: userId }).first();
  }

  async byId(shopId: number, db: Knex = this.app.db): Promise<ShopRow | undefined> {
    return db('campus_shops').where({ shop_id: shopId }).first();
  }

  /**
   * The owner's user row is locked first, so two parallel creations by one student count each other and
   * the limit holds; the unique name index decides between two students wanting one name.
   */
  async create(call: Pick<Caller, 'user'>, params: { shop_name: string; shop_content: string }): Promise<{ shop_id: number }> {
    const userId = user(call);
    const now = unixSeconds(this.app.clock);
    const shopId = await transaction(this.app.db, async (trx) => {
      await this.app.use(userDirectory).lock(trx, userId);
      const [{ n }] = (await trx('campus_shops').where({ user_id: userId }).count({ n: '*' })) as Array<{ n: number | string }>;
      if (Number(n) >= SHOP_LIMIT_PER_USER) throw campusRefusals.shopLimit(SHOP_LIMIT_PER_USER);
      if (await trx('campus_shops').where({ shop_name: params.shop_name }).first('shop_id')) throw campusRefusals.shopNameUsed();
      try {
        return await insertWithRandomId(
          9,
          (id) => trx('campus_shops').insert({ shop_id: id, shop_name: params.shop_name, shop_content: params.shop_content, user_id: userId, pic_url: '', creat_time: now }),
          // A clash on the id retries; on the name it is a parallel creation that took it first.
          (err) => isUniqueViolation(err) && !/shop_name/i.test(String((err as Error).message)),
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw campusRefusals.shopNameUsed();
        throw err;
      }
    });
    return { shop_id: shopId };
  }

  async update(call: Pick<Caller, 'user'>, params: { shop_id: number; shop_content: string; pic_url?: string | number }): Promise<void> {
    if (!(await this.owned(params.shop_id, user(call)))) throw campusRefusals.shopNotYours();
    const pic = await resolvedPicture(this.app, params.pic_url, 'pic_url');
    await this.app.db('campus_shops')
      .where({ shop_id: params.shop_id, user_id: user(call) })
      .update({ shop_content: params.shop_content, ...(pic === undefined ? {} : { pic_url: pic }) });
  }

  /** shop.list and admin campus.shop.list: by a name fragment (empty = all), ORD, paged. */
  list(filter: { shop_name?: string; user_id?: number }, order: SortOrder, paging: Paging): Promise<Page<Shop>> {
    const query = this.app.db('campus_shops').select('*');
    if (filter.shop_name) whereLike(query, 'shop_name', filter.shop_name);
    if (filter.user_id !== undefined) query.where({ user_id: filter.user_id });
    return this.presentedPage(query, order, paging);
  }

  /** shop.info: exact id, or exact name when no id is given. */
  async info(by: { shop_id?: number; shop_name?: string }): Promise<Shop> {
    const row: ShopRow | undefined = await this.app.db('campus_shops')
      .where(by.shop_id !== undefined ? { shop_id: by.shop_id } : { shop_name: by.shop_name })
      .first();
    if (!row) throw campusRefusals.shopNotFound();
    return (await this.present([row]))[0];
  }

  private async presentedPage(query: Knex.QueryBuilder, order: SortOrder, paging: Paging): Promise<Page<Shop>> {
    const page = await pageOf<ShopRow, ShopRow>(query, paging, order, [['creat_time', 'asc'], ['shop_id', 'asc']], (r) => r);
    return { ...page, list: await this.present(page.list) };
  }

  private async present(rows: ShopRow[]): Promise<Shop[]> {
    const names = await userNames(this.app, rows.map((r) => Number(r.user_id)));
    return rows.map((r) => ({
      shop_id: Number(r.shop_id),
      shop_name: r.shop_name,
      shop_content: r.shop_content,
      user_id: Number(r.user_id),
      user_name: names.get(Number(r.user_id)) ?? '',
      creat_time: formatTime(Number(r.creat_time)),
      pic_url: r.pic_url,
    }));
  }
}

export const shopService = (app: AppContext): ShopService => new ShopService(app);
