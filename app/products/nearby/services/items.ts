import type { AppContext } from '../../../context';
import { refuse } from '../../../core/errors';
import type { Knex } from '../../../storage/db';
import { insertId, transaction } from '../../../storage/db';
import { paginate, type Page } from '../../../platform/paging';
import { centsToYuan, yuanToCents } from '../../../platform/wallet/money';
import { nearbyErrors } from '../errors';
import { weightedKeywords } from '../../../platform/text/keywords';

export interface ItemRow {
  id: number;
  name: string;
  simple_desc: string | null;
  simple_desc_close: string | null;
  list_pic_url: string | null;
  retail_price_fen: number;
  activity_price_fen: number | null;
  status: number;
  created_ms: number;
  updated_ms: number;
}

/** The seed's Item: missing values are null, prices in yuan, the id a digit string. */
export interface Item {
  id: string;
  name: string;
  simpleDesc: string | null;
  listPicUrl: string | null;
  retailPrice: number;
  activityPrice: number | null;
}

/** The seed's recommendation entry (NetEase-Yanxuan style). */
export interface RcmdItem {
  type: 1;
  id: string;
  categoryItem: {
    id: string;
    listPicUrl: string | null;
    simpleDesc: string | null;
    simpleDescClose: string | null;
    name: string;
    retailPrice: number;
    activityPrice: number | null;
  };
}

export interface ItemFields {
  name: string;
  simple_desc: string | null;
  simple_desc_close: string | null;
  list_pic_url: string | null;
  retail_price: number;
  activity_price: number | null;
  status: 0 | 1;
}

export interface AdminItem extends ItemFields {
  item_id: string;
  tags: string[];
  created_ms: number;
  updated_ms: number;
}

export const ITEM_ON_SALE = 1;
/** How many keywords an item keeps as tags. */
const ITEM_TAGS = 10;

const toYuan = (fen: number) => centsToYuan(Number(fen));
const toFen = yuanToCents;
const yuanOrNull = (fen: number | null) => (fen === null || fen === undefined ? null : toYuan(fen));

export function presentItem(row: ItemRow): Item {
  return {
    id: String(row.id),
    name: row.name,
    simpleDesc: row.simple_desc ?? null,
    listPicUrl: row.list_pic_url ?? null,
    retailPrice: toYuan(row.retail_price_fen),
    activityPrice: yuanOrNull(row.activity_price_fen),
  };
}

export function presentRcmdItem(row: ItemRow): RcmdItem {
  return {
    type: 1,
    id: String(row.id),
    categoryItem: {
      id: String(row.id),
      listPicUrl: row.list_pic_url ?? null,
      simpleDesc: row.simple_desc ?? null,
      simpleDescClose: row.simple_desc_close ?? null,
      name: row.name,
      retailPrice: toYuan(row.retail_price_fen),
      activityPrice: yuanOrNull(row.activity_price_fen),
    },
  };
}

function columns(fields: Partial<ItemFields>): Partial<ItemRow> {
  const row: Partial<ItemRow> = {};
  if (fields.name !== undefined) row.name = fields.name;
  if (fields.simple_desc !== undefined) row.simple_desc = fields.simple_desc;
  if (fields.simple_desc_close !== undefined) row.simple_desc_close = fields.simple_desc_close;
  if (fields.list_pic_url !== undefined) row.list_pic_url = fields.list_pic_url;
  if (fields.retail_price !== undefined) row.retail_price_fen = toFen(fields.retail_price);
  if (fields.activity_price !== undefined) row.activity_price_fen = fields.activity_price === null ? null : toFen(fields.activity_price);
  if (fields.status !== undefined) row.status = fields.status;
  return row;
}

/** The shop's items as the nearby product knows them: created by the shop back end, tagged by keywords. */
export class NearbyItemService {
  constructor(private readonly app: AppContext) {}

  find(id: number | string, db: Knex = this.app.db): Promise<ItemRow | undefined> {
    return db('nearby_items').where({ id: Number(id) }).first();
  }

  async require(id: string): Promise<ItemRow> {
    const row = /^\d{1,10}$/.test(id) ? await this.find(id) : undefined;
    if (!row) throw nearbyErrors.itemNotFound();
    return row;
  }

  /** Rows by id, in the order given, skipping unknown ones. */
  async byIds(ids: number[]): Promise<ItemRow[]> {
    if (ids.length === 0) return [];
    const rows: ItemRow[] = await this.app.db('nearby_items').whereIn('id', ids);
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return ids.map((id) => byId.get(id)).filter((r): r is ItemRow => !!r);
  }

  async add(fields: ItemFields): Promise<{ item_id: string }> {
    const now = this.app.clock.now();
    const id = await transaction(this.app.db, async (trx) => {
      const itemId = await insertId(trx('nearby_items').insert({ ...columns(fields), created_ms: now, updated_ms: now }));
      await this.writeTags(trx, itemId, fields.name);
      return itemId;
    });
    return { item_id: String(id) };
  }

  async edit(itemId: string, fields: Partial<ItemFields>): Promise<void> {
    const changes = columns(fields);
    if (Object.keys(changes).length === 0) throw refuse('nothing to change: send at least one field');
    await transaction(this.app.db, async (trx) => {
      const row = await this.find(itemId, trx);
      if (!row) throw nearbyErrors.itemNotFound();
      await trx('nearby_items').where({ id: row.id }).update({ ...changes, updated_ms: this.app.clock.now() });
      // A rename changes what the item is about: its tags follow the name.
      if (fields.name !== undefined && fields.name !== row.name) await this.writeTags(trx, row.id, fields.name);
    });
  }

  /** `tags.item`: re-extracts the tags of each item from its name; every id must exist. */
  async retag(ids: string[]): Promise<void> {
    await transaction(this.app.db, async (trx) => {
      for (const id of ids) {
        const row = /^\d{1,10}$/.test(id) ? await this.find(id, trx) : undefined;
        if (!row) throw nearbyErrors.itemNotFound(id);
        await this.writeTags(trx, row.id, row.name);
      }
    });
  }

  private async writeTags(db: Knex, itemId: number, name: string): Promise<void> {
    await db('nearby_item_tags').where({ item_id: itemId }).delete();
    const tags = weightedKeywords(name, ITEM_TAGS).map((k) => ({ item_id: itemId, tag: k.keyword.slice(0, 32), weight: k.weight }));
    if (tags.length) await db('nearby_item_tags').insert(tags);
  }

  async tagsOf(itemIds: number[]): Promise<Map<number, Map<string, number>>> {
    const out = new Map<number, Map<string, number>>();
    if (itemIds.length === 0) return out;
    const rows: Array<{ item_id: number; tag: string; weight: number }> = await this.app.db('nearby_item_tags').whereIn('item_id', itemIds);
    for (const row of rows) {
      const id = Number(row.item_id);
      if (!out.has(id)) out.set(id, new Map());
      out.get(id)!.set(row.tag, Number(row.weight));
    }
    return out;
  }

  async list(params: { page: number; status?: number; keyword?: string }): Promise<Page<AdminItem>> {
    const query = this.app.db('nearby_items').select('*').orderBy('id', 'desc');
    if (params.status !== undefined) query.where({ status: params.status });
    if (params.keyword) query.where('name', 'like', `%${params.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const page = await paginate<ItemRow>(query, params.page, this.app.config.paging.pageSize);
    const tags = await this.tagsOf(page.list.map((r) => Number(r.id)));
    return {
      ...page,
      list: page.list.map((row) => ({
        item_id: String(row.id),
        name: row.name,
        simple_desc: row.simple_desc,
        simple_desc_close: row.simple_desc_close,
        list_pic_url: row.list_pic_url,
        retail_price: toYuan(row.retail_price_fen),
        activity_price: yuanOrNull(row.activity_price_fen),
        status: Number(row.status) as 0 | 1,
        tags: [...(tags.get(Number(row.id))?.keys() ?? [])].sort(),
        created_ms: Number(row.created_ms),
        updated_ms: Number(row.updated_ms),
      })),
    };
  }
}

export const nearbyItemService = (app: AppContext): NearbyItemService => new NearbyItemService(app);
