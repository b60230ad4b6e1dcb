import type { AppContext } from '../../../../context';
import type { Caller } from '../../../../core/caller';
import { adService, POSITION, type Ad } from './ads';
import { configService, INIT_CONFIG, parseTxtUrl, type TxtUrl } from './configs';
import { noticeService, type NoticeDialog } from './notices';
import { upgradeService, type Upgrade } from './upgrades';

/** Nothing to show: the seed's `{}`. */
type Empty = Record<string, never>;

export interface InitAnswer {
  token_status: number;
  upgrade: Upgrade;
  start_ad: Ad | Empty;
  app_home_right_btn_url: string;
  app_service: TxtUrl;
  app_about: TxtUrl;
  app_feedback: TxtUrl;
  notice_dialog: NoticeDialog | Empty;
}

const NO_BUTTON: TxtUrl = { txt: '', url: '' };

/**
 * `system.init`: everything a phone needs at launch in one answer. It never fails on content (catalog
 * hole 6): a missing position, config or rule just yields its empty value, so a half-configured back
 * office cannot keep the app from starting.
 */
export class StartupService {
  constructor(private readonly app: AppContext) {}

  async init(call: Pick<Caller, 'platform' | 'appV' | 'channel' | 'user'>): Promise<InitAnswer> {
    const viewer = { platform: call.platform, userId: call.user?.userId ?? null };
    const [upgrade, startAds, configs, dialog] = await Promise.all([
      this.app.use(upgradeService).checkQuietly({ platform: call.platform, appV: call.appV, channel: call.channel }),
      this.app.use(adService).forPositionIfAny(POSITION.START, viewer),
      this.app.use(configService).getMany(Object.values(INIT_CONFIG)),
      this.app.use(noticeService).dialog(call.platform),
    ]);
    const button = (key: string): TxtUrl => parseTxtUrl(configs.get(key) ?? '') ?? { ...NO_BUTTON };
    return {
      token_status: call.user ? 1 : 0,
      upgrade,
      start_ad: startAds?.[0] ?? {},
      app_home_right_btn_url: configs.get(INIT_CONFIG.HOME_RIGHT_BTN_URL) ?? '',
      app_service: button(INIT_CONFIG.SERVICE),
      app_about: button(INIT_CONFIG.ABOUT),
      app_feedback: button(INIT_CONFIG.FEEDBACK),
      notice_dialog: dialog ?? {},
    };
  }
}

export const startupService = (app: AppContext): StartupService => new StartupService(app);
