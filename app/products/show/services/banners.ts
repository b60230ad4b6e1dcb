import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { insertId } from '../../../storage/db';
import { showErrors } from '../errors';
import { offsetPage, type OffsetPage } from './paging';

export const BANNER_POSITIONS = ['home', 'ticket'] as const;
export type BannerPosition = (typeof BANNER_POSITIONS)[number];

/** The catalogue's Banner. */
export interface Banner {
  banner_id: string;
  image: string;
  url: string;
}

/** A banner as the back office lists it. */
export interface AdminBanner extends Banner {
  position: BannerPosition;
  sort: number;
  created_at: number;
}

export interface BannerRow {
  id: number;
  position: BannerPosition;
  image: string;
  url: string;
  sort: number;
  c_time: number;
}

/** Banners of the home and ticket pages, in `sort` order (smaller first), set by the back office. */
export class ShowBanners {
  constructor(private readonly app: AppContext) {}

  async list(position?: BannerPosition): Promise<BannerRow[]> {
    return ((await this.ordered(position)) as BannerRow[]).map(numbered);
  }

  /** One page of the banners (of `position`, or all by position), in the order the pages show them. */
  async page(position: BannerPosition | undefined, page: { limit: number; offset: number }): Promise<OffsetPage<AdminBanner>> {
    const found = await offsetPage<BannerRow>(this.ordered(position, true), page);
    return {
      ...found,
      rows: found.rows.map(numbered).map((row) => ({ banner_id: String(row.id), position: row.position, image: row.image, url: row.url, sort: row.sort, created_at: row.c_time })),
    };
  }

  async shown(position: BannerPosition): Promise<Banner[]> {
    return (await this.list(position)).map((row) => ({ banner_id: String(row.id), image: row.image, url: row.url }));
  }

  /** `image` is an absolute URL the caller resolved already; `adminId` added it. */
  add(banner: { position: BannerPosition; image: string; url: string; sort: number }, adminId: number): Promise<number> {
    return insertId(this.app.db('show_banners').insert({ ...banner, c_time: unixSeconds(this.app.clock), c_by: adminId }));
  }

  async remove(id: number): Promise<void> {
    if (!(await this.app.db('show_banners').where({ id }).delete())) throw showErrors.bannerNotFound();
  }

  private ordered(position: BannerPosition | undefined, byPosition = false) {
    const query = this.app
      .db('show_banners')
      .select('id', 'position', 'image', 'url', 'sort', 'c_time')
      .orderBy([...(byPosition ? [{ column: 'position', order: 'asc' }] : []), { column: 'sort', order: 'asc' }, { column: 'id', order: 'asc' }]);
    if (position) query.where({ position });
    return query;
  }
}

const numbered = (row: BannerRow): BannerRow => ({ ...row, id: Number(row.id), sort: Number(row.sort), c_time: Number(row.c_time) });

export const showBanners = (app: AppContext): ShowBanners => new ShowBanners(app);
