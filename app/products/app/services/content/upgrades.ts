import type { AppContext } from '../../../../context';
import { refuse } from '../../../../core/errors';

/** The seed's upgrade object (`system.upgrade`, `system.init`.upgrade). */
export interface Upgrade {
  upgrade_way: number;
  app_v: string;
  app_title: string;
  app_desc: string;
  app_url: string;
  dialog_repeat: number;
  origin_v: string;
}

/** What the phone says about itself (fixed parameters). */
export interface UpgradeClient {
  platform: number;
  appV: string;
  channel: string;
}

export const UPGRADE_WAY = { NONE: 0, ADVISE: 1, FORCE: 2, CLOSED: 3 } as const;
export const APP_PLATFORMS = { IOS: 1, ANDROID: 2 } as const;

interface UpgradeRow {
  id: number;
  app_v: string;
  app_title: string;
  app_desc: string;
  url: string;
  upgrade_way: number;
  dialog_repeat: number;
  channel: string;
}

const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

/** "1.2.10" → [1, 2, 10]; null when malformed. */
export function parseVersion(text: string): number[] | null {
  return VERSION.test(text) ? text.split('.').map(Number) : null;
}

/** Numeric X.Y.Z comparison ("1.10.0" > "1.9.0"; missing parts count as 0). */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a) ?? [];
  const pb = parseVersion(b) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

const noUpgrade = (way: number, origin: string): Upgrade => ({
  upgrade_way: way,
  app_v: '',
  app_title: '',
  app_desc: '',
  app_url: '',
  dialog_repeat: 0,
  origin_v: origin,
});

/**
 * The upgrade decision (catalog hole 7). Rules are rows per (platform, app_v, channel); on Android a row
 * for the client's channel beats the channel-less one of the same version, on iOS channels do not exist.
 * The client's own row says how to upgrade (way, dialog_repeat); the target is the highest active version
 * above it. No own row, way 0, or nothing newer → 0; way 3 (this version is closed) → empty fields.
 */
export class UpgradeService {
  constructor(private readonly app: AppContext) {}

  /** `system.upgrade`: refuses a non-phone platform or a malformed version. */
  async check(client: UpgradeClient): Promise<Upgrade> {
    const problem = whatIsWrong(client);
    if (problem) throw refuse(problem);
    return this.decide(client);
  }

  /** `system.init`: never fails; anything that is not a phone with a well-formed version gets way 0. */
  async checkQuietly(client: UpgradeClient): Promise<Upgrade> {
    return whatIsWrong(client) ? noUpgrade(UPGRADE_WAY.NONE, client.appV) : this.decide(client);
  }

  private async decide(client: UpgradeClient): Promise<Upgrade> {
    const channel = client.platform === APP_PLATFORMS.ANDROID ? client.channel : '';
    const rows = (await this.app
      .db('app_upgrades')
      .select('id', 'app_v', 'app_title', 'app_desc', 'url', 'upgrade_way', 'dialog_repeat', 'channel')
      .where({ app_type: client.platform, status: 1 })
      .whereIn('channel', channel ? [channel, ''] : [''])) as UpgradeRow[];
    const rules = preferChannelRows(rows.filter((r) => parseVersion(r.app_v)));
    const own = rules.find((r) => compareVersions(r.app_v, client.appV) === 0);
    if (!own || own.upgrade_way === UPGRADE_WAY.NONE) return noUpgrade(UPGRADE_WAY.NONE, client.appV);
    if (own.upgrade_way === UPGRADE_WAY.CLOSED) return noUpgrade(UPGRADE_WAY.CLOSED, client.appV);
    // A target must be offerable: not a closed version, and on Android something to download.
    const offerable = (r: UpgradeRow) =>
      Number(r.upgrade_way) !== UPGRADE_WAY.CLOSED && (client.platform !== APP_PLATFORMS.ANDROID || r.url !== '');
    const target = rules
      .filter((r) => compareVersions(r.app_v, client.appV) > 0 && offerable(r))
      .sort((a, b) => compareVersions(b.app_v, a.app_v) || b.id - a.id)[0];
    if (!target) return noUpgrade(UPGRADE_WAY.NONE, client.appV);
    return {
      upgrade_way: Number(own.upgrade_way),
      app_v: target.app_v,
      app_title: target.app_title,
      app_desc: target.app_desc,
      // iOS upgrades through the App Store, never a download link.
      app_url: client.platform === APP_PLATFORMS.IOS ? '' : target.url,
      dialog_repeat: Number(own.dialog_repeat),
      origin_v: client.appV,
    };
  }
}

function whatIsWrong(client: UpgradeClient): string | null {
  if (client.platform !== APP_PLATFORMS.IOS && client.platform !== APP_PLATFORMS.ANDROID) {
    return 'platform must be 1 (iOS) or 2 (Android)';
  }
  return parseVersion(client.appV) ? null : 'app_v must look like X.Y.Z';
}

/** One rule per version: the channel's own row where there is one, else the channel-less row. */
function preferChannelRows(rows: UpgradeRow[]): UpgradeRow[] {
  const byVersion = new Map<string, UpgradeRow>();
  for (const row of rows) {
    const key = parseVersion(row.app_v)!.join('.').replace(/(\.0)+$/, '');
    const seen = byVersion.get(key);
    if (!seen || (seen.channel === '' && row.channel !== '')) byVersion.set(key, row);
  }
  return [...byVersion.values()];
}

export const upgradeService = (app: AppContext): UpgradeService => new UpgradeService(app);
