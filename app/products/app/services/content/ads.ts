import type { AppContext } from '../../../../context';
import { unixSeconds } from '../../../../core/clock';
import { refuse } from '../../../../core/errors';
import { audienceBits, forPlatform } from './audience';
import { APP_PLATFORMS } from './upgrades';

/** The seed's ad object. */
export interface Ad {
  ad_id: number;
  ad_name: string;
  ad_image_url: string;
  ad_url: string;
}

/** Who is looking: the platform fixed parameter and the logged-in user, if any. */
export interface Viewer {
  platform: number;
  userId: number | null;
}

export const POSITION = { START: 'APP_START_AD', HOME: 'app_home' } as const;
/** However large a position says it is, one answer carries at most this many ads. */
export const MAX_ADS_PER_POSITION = 50;

/**
 * Ads of a position (catalog hole 9): the position must be live; its ads live, displayed, inside their
 * time window, meant for the viewer's platform and audience; by listorder, newest first among equals;
 * at most the position's count.
 */
export class AdService {
  constructor(private readonly app: AppContext) {}

  /** `system.ads`: an unknown or retired position is refused. */
  async forPosition(code: string, viewer: Viewer): Promise<Ad[]> {
    const ads = await this.forPositionIfAny(code, viewer);
    if (!ads) throw refuse('the ad position does not exist or is offline');
    return ads;
  }

  /** The ads of a position, or null when the position is unknown or retired (home and start-up screens). */
  async forPositionIfAny(code: string, viewer: Viewer): Promise<Ad[] | null> {
    const position = (await this.app
      .db('ad_positions')
      .select('pos_id', 'pos_ad_count')
      .where({ pos_code: code, status: 1 })
      .first()) as { pos_id: number; pos_ad_count: number } | undefined;
    if (!position) return null;
    const now = unixSeconds(this.app.clock);
    const audience = await audienceBits(this.app, viewer.userId, now);
    const query = this.app
      .db('ads')
      .select('ad_id', 'ad_name', 'ad_image_url', 'ad_ipx_image_url', 'ad_url')
      .where({ pos_id: position.pos_id, status: 1, display: 1 })
      .where('start_time', '<=', now)
      .where('end_time', '>=', now)
      .where((q) => q.where('type_flag', 0).orWhereRaw('(type_flag & ?) <> 0', [audience]))
      .orderBy([{ column: 'listorder', order: 'asc' }, { column: 'ad_id', order: 'desc' }])
      .limit(Math.min(Number(position.pos_ad_count), MAX_ADS_PER_POSITION));
    const rows = (await forPlatform(query, 'terminal', viewer.platform)) as Array<Ad & { ad_ipx_image_url: string }>;
    return rows.map((row) => ({
      ad_id: row.ad_id,
      ad_name: row.ad_name,
      // iPhones with a notch get the tall artwork where there is one.
      ad_image_url: viewer.platform === APP_PLATFORMS.IOS && row.ad_ipx_image_url ? row.ad_ipx_image_url : row.ad_image_url,
      ad_url: row.ad_url,
    }));
  }
}

export const adService = (app: AppContext): AdService => new AdService(app);
