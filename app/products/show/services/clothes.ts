import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { weightedKeywords } from '../../../platform/text/keywords';
import { centsToYuan } from '../../../platform/wallet/money';
import { insertId, transaction, type Knex } from '../../../storage/db';
import { showErrors } from '../errors';
import { offsetPage, type OffsetPage } from './paging';
import { CATEGORY, showPeople } from './people';

export const CLOTH_KINDS = ['design', 'merchant'] as const;
export type ClothKind = (typeof CLOTH_KINDS)[number];

/** How answers and summaries name each catalogue. */
export const CLOTH_LABEL: Record<ClothKind, string> = { design: 'design-circle clothes', merchant: "merchants' clothes" };

/** `status` of a cloth: only shown clothes exist for the show namespace. */
export const CLOTH_STATUS = { OFF: 0, ON: 1 } as const;

/** Keywords kept per cloth as its tags (decision 15). */
const TAGS_PER_CLOTH = 8;

export interface ClothRow {
  id: number;
  kind: ClothKind;
  merchant_user_id: number;
  name: string;
  image: string;
  intro: string;
  price: number;
  tags: string;
  status: number;
  like_count: number;
  c_time: number;
  u_time: number;
}

/** The catalogue's Cloth. */
export interface Cloth {
  cloth_id: string;
  name: string;
  image: string;
  intro: string;
  price: number;
  created_at: number;
  is_like: boolean;
}

export interface ClothMerchant {
  uid: string;
  name: string;
  logo: string;
  intro: string;
}

/** The catalogue's MCloth: a cloth with its merchant's card. */
export interface MCloth extends Cloth {
  merchant: ClothMerchant;
}

/** `merchant.cloth.detail`: MCloth plus the merchant's address. */
export interface MClothDetail extends MCloth {
  address: string;
}

/** A cloth as the back office sees it: every status, its tags and counter. */
export interface AdminCloth {
  cloth_id: string;
  kind: ClothKind;
  merchant_uid: string | null;
  name: string;
  image: string;
  intro: string;
  price: number;
  tags: string[];
  status: number;
  like_count: number;
  created_at: number;
  updated_at: number;
}

/** What the back office writes; `image` is an absolute URL the caller resolved, the price in cents. */
export interface ClothInput {
  kind: ClothKind;
  merchantUserId: number;
  name: string;
  image: string;
  intro: string;
  priceCents: number;
  status: number;
}

export type ClothChanges = Partial<Omit<ClothInput, 'kind'>>;

interface MerchantRow {
  user_id: number;
  name: string;
  logo: string;
  intro: string;
  address: string;
}

type Db = Knex | Knex.Transaction;

const merchantCard = (merchant: (MerchantRow & { uid: string }) | undefined): ClothMerchant => ({
  uid: merchant?.uid ?? '',
  name: merchant?.name ?? '',
  logo: merchant?.logo ?? '',
  intro: merchant?.intro ?? '',
});

/** The jieba TF-IDF keywords of a cloth's name and intro, strongest first. */
export function clothTags(name: string, intro: string): string[] {
  return weightedKeywords(`${name}\n${intro}`, TAGS_PER_CLOTH).map((k) => k.keyword);
}

export function parseTags(tags: string | null | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(tags ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

const numbered = (row: ClothRow): ClothRow => ({
  ...row,
  id: Number(row.id),
  merchant_user_id: Number(row.merchant_user_id),
  price: Number(row.price),
  status: Number(row.status),
  like_count: Number(row.like_count),
  c_time: Number(row.c_time),
  u_time: Number(row.u_time),
});

/**
 * The design circle (designers' works) and the merchants' clothes: the back office adds and edits them,
 * users list, open and like the shown ones. `like_count` moves only inside the transaction that adds or
 * removes the like row, under the cloth's row lock, so it always equals the rows.
 */
export class ShowClothes {
  constructor(private readonly app: AppContext) {}

  /** The merchant behind `userId`, or 503: category 2 with its show_merchants row (decision 11). */
  async requireMerchant(userId: number): Promise<void> {
    const row = await this.app
      .db('show_users as u')
      .join('show_merchants as m', 'm.user_id', 'u.user_id')
      .where({ 'u.user_id': userId, 'u.category': CATEGORY.MERCHANT })
      .first('u.user_id');
    if (!row) throw showErrors.notMerchant();
  }

  async add(input: ClothInput, adminId: number): Promise<number> {
    if (input.kind === 'merchant') await this.requireMerchant(input.merchantUserId);
    const now = unixSeconds(this.app.clock);
    return insertId(
      this.app.db('show_clothes').insert({
        kind: input.kind,
        merchant_user_id: input.kind === 'merchant' ? input.merchantUserId : 0,
        name: input.name,
        image: input.image,
        intro: input.intro,
        price: input.priceCents,
        tags: JSON.stringify(clothTags(input.name, input.intro)),
        status: input.status,
        c_time: now,
        u_time: now,
        c_by: adminId,
        u_by: adminId,
      }),
    );
  }

  /**
   * Changes the given fields; a new name or intro re-extracts the tags, from the row as it is under its
   * lock, so two edits at once never leave tags of a name and intro the cloth never had together.
   */
  async edit(id: number, changes: ClothChanges, adminId: number): Promise<void> {
    if (changes.merchantUserId !== undefined) await this.requireMerchant(changes.merchantUserId);
    await transaction(this.app.db, async (trx) => {
      const row = (await trx('show_clothes').where({ id }).forUpdate().first('kind', 'name', 'intro')) as Pick<ClothRow, 'kind' | 'name' | 'intro'> | undefined;
      if (!row) throw showErrors.clothNotFound();
      if (changes.merchantUserId !== undefined && row.kind !== 'merchant') throw showErrors.designHasNoMerchant();
      const update: Record<string, unknown> = { u_time: unixSeconds(this.app.clock), u_by: adminId };
      if (changes.merchantUserId !== undefined) update.merchant_user_id = changes.merchantUserId;
      if (changes.name !== undefined) update.name = changes.name;
      if (changes.image !== undefined) update.image = changes.image;
      if (changes.intro !== undefined) update.intro = changes.intro;
      if (changes.priceCents !== undefined) update.price = changes.priceCents;
      if (changes.status !== undefined) update.status = changes.status;
      if (changes.name !== undefined || changes.intro !== undefined) {
        update.tags = JSON.stringify(clothTags(changes.name ?? row.name, changes.intro ?? row.intro));
      }
      await trx('show_clothes').where({ id }).update(update);
    });
  }

  async byId(id: number, db: Db = this.app.db): Promise<ClothRow | undefined> {
    const row = (await db('show_clothes').where({ id }).first()) as ClothRow | undefined;
    return row && numbered(row);
  }

  /** The rows among `ids`, in the order of `ids` (unknown ids left out). */
  async byIds(ids: readonly number[]): Promise<ClothRow[]> {
    if (ids.length === 0) return [];
    const rows = ((await this.app.db('show_clothes').whereIn('id', [...new Set(ids)])) as ClothRow[]).map(numbered);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is ClothRow => !!row);
  }

  /** A shown cloth of `kind`, or 503 cloth not found (an off cloth, or one of the other catalogue, too). */
  async shown(kind: ClothKind, id: number, db: Db = this.app.db): Promise<ClothRow> {
    const row = (await db('show_clothes').where({ id, kind, status: CLOTH_STATUS.ON }).first()) as ClothRow | undefined;
    if (!row) throw showErrors.clothNotFound();
    return numbered(row);
  }

  /** Shown clothes of `kind`, newest first, on the (kind, status, id) index. */
  async page(kind: ClothKind, page: { limit: number; offset: number }): Promise<OffsetPage<ClothRow>> {
    const found = await offsetPage<ClothRow>(
      this.app.db('show_clothes').where({ kind, status: CLOTH_STATUS.ON }).orderBy('id', 'desc'),
      page,
    );
    return { ...found, rows: found.rows.map(numbered) };
  }

  /** Every cloth for the back office, newest first, optionally of one kind and status. */
  async adminPage(filter: { kind?: ClothKind; status?: number }, page: { limit: number; offset: number }): Promise<OffsetPage<AdminCloth>> {
    const query = this.app.db('show_clothes').orderBy('id', 'desc');
    if (filter.kind) query.where({ kind: filter.kind });
    if (filter.status !== undefined) query.where({ status: filter.status });
    const found = await offsetPage<ClothRow>(query, page);
    const rows = found.rows.map(numbered);
    const uids = await this.app.use(showPeople).uids(rows.filter((r) => r.kind === 'merchant').map((r) => r.merchant_user_id));
    return {
      ...found,
      rows: rows.map((row) => ({
        cloth_id: String(row.id),
        kind: row.kind,
        merchant_uid: row.kind === 'merchant' ? (uids.get(row.merchant_user_id) ?? null) : null,
        name: row.name,
        image: row.image,
        intro: row.intro,
        price: centsToYuan(row.price),
        tags: parseTags(row.tags),
        status: row.status,
        like_count: row.like_count,
        created_at: row.c_time,
        updated_at: row.u_time,
      })),
    };
  }

  /**
   * Likes a shown cloth of `kind` once: the cloth's row lock serialises its likes, so the read of the
   * like row and the counter move see every like before them. Answers whether it was new.
   */
  like(kind: ClothKind, id: number, userId: number): Promise<boolean> {
    return transaction(this.app.db, async (trx) => {
      await this.lockShown(trx, kind, id);
      if (await trx('show_cloth_likes').where({ cloth_id: id, user_id: userId }).first('cloth_id')) return false;
      await trx('show_cloth_likes').insert({ cloth_id: id, user_id: userId, c_time: unixSeconds(this.app.clock) });
      await trx('show_clothes').where({ id }).increment('like_count', 1);
      return true;
    });
  }

  /** Takes a like back, if there was one (idempotent). Answers whether there was. */
  unlike(kind: ClothKind, id: number, userId: number): Promise<boolean> {
    return transaction(this.app.db, async (trx) => {
      await this.lockShown(trx, kind, id);
      if (!(await trx('show_cloth_likes').where({ cloth_id: id, user_id: userId }).delete())) return false;
      await trx('show_clothes').where({ id }).where('like_count', '>', 0).decrement('like_count', 1);
      return true;
    });
  }

  /** Which of `clothIds` `userId` likes. */
  async likedAmong(userId: number, clothIds: readonly number[]): Promise<Set<number>> {
    if (clothIds.length === 0) return new Set();
    const rows = (await this.app.db('show_cloth_likes').where({ user_id: userId }).whereIn('cloth_id', [...new Set(clothIds)]).select('cloth_id')) as Array<{ cloth_id: number }>;
    return new Set(rows.map((r) => Number(r.cloth_id)));
  }

  /** The catalogue's Cloth of each row, `is_like` for `viewerId`. */
  async present(rows: readonly ClothRow[], viewerId: number): Promise<Cloth[]> {
    const liked = await this.likedAmong(viewerId, rows.map((r) => r.id));
    return rows.map((row) => ({
      cloth_id: String(row.id),
      name: row.name,
      image: row.image,
      intro: row.intro,
      price: centsToYuan(row.price),
      created_at: row.c_time,
      is_like: liked.has(row.id),
    }));
  }

  /** MCloth of each row: the Cloth plus its merchant's card (blank when the merchant row is gone). */
  async presentMerchant(rows: readonly ClothRow[], viewerId: number): Promise<MCloth[]> {
    const [clothes, merchants] = await Promise.all([this.present(rows, viewerId), this.merchants(rows.map((r) => r.merchant_user_id))]);
    return clothes.map((cloth, i) => ({ ...cloth, merchant: merchantCard(merchants.get(rows[i].merchant_user_id)) }));
  }

  async merchantDetail(id: number, viewerId: number): Promise<MClothDetail> {
    const row = await this.shown('merchant', id);
    const [[cloth], merchants] = await Promise.all([this.present([row], viewerId), this.merchants([row.merchant_user_id])]);
    const merchant = merchants.get(row.merchant_user_id);
    return { ...cloth, merchant: merchantCard(merchant), address: merchant?.address ?? '' };
  }

  private async merchants(userIds: readonly number[]): Promise<Map<number, MerchantRow & { uid: string }>> {
    const ids = [...new Set(userIds)].filter((id) => id > 0);
    if (ids.length === 0) return new Map();
    const [rows, uids] = await Promise.all([
      this.app.db('show_merchants').whereIn('user_id', ids).select('user_id', 'name', 'logo', 'intro', 'address') as Promise<MerchantRow[]>,
      this.app.use(showPeople).uids(ids),
    ]);
    return new Map(rows.map((row) => [Number(row.user_id), { ...row, user_id: Number(row.user_id), uid: uids.get(Number(row.user_id)) ?? '' }]));
  }

  private async lockShown(trx: Knex.Transaction, kind: ClothKind, id: number): Promise<void> {
    const row = await trx('show_clothes').where({ id }).forUpdate().first('kind', 'status');
    if (!row || row.kind !== kind || Number(row.status) !== CLOTH_STATUS.ON) throw showErrors.clothNotFound();
  }
}

export const showClothes = (app: AppContext): ShowClothes => new ShowClothes(app);
