import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { insertId } from '../../../storage/db';
import { showErrors } from '../errors';

export const BANNER_POSITIONS = ['home', 'ticket'] as const;
export type BannerPosition = (typeof BANNER_POSITIONS)[number];

/** The catalogue's Banner. */
export interface Banner {
  banner_id: string;
  image: string;
  url: string;
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
    const query = this.app.db('show_banners').orderBy([{ column: 'sort', order: 'asc' }, { column: 'id', order: 'asc' }]);
    if (position) query.where({ position });
    return ((await query) as BannerRow[]).map((row) => ({ ...row, id: Number(row.id), sort: Number(row.sort), c_time: Number(row.c_time) }));
  }

  async shown(position: BannerPosition): Promise<Banner[]> {
    return (await this.list(position)).map((row) => ({ banner_id: String(row.id), image: row.image, url: row.url }));
  }

  /** `image` is an absolute URL the caller resolved already. */
  add(banner: { position: BannerPosition; image: string; url: string; sort: number }): Promise<number> {
    return insertId(this.app.db('show_banners').insert({ ...banner, c_time: unixSeconds(this.app.clock) }));
  }

  async remove(id: number): Promise<void> {
    if (!(await this.app.db('show_banners').where({ id }).delete())) throw showErrors.bannerNotFound();
  }
}

export const showBanners = (app: AppContext): ShowBanners => new ShowBanners(app);
