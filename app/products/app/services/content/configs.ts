import type { AppContext } from '../../../../context';
import { unixSeconds } from '../../../../core/clock';

/** A menu button as `system.init` answers it. */
export interface TxtUrl {
  txt: string;
  url: string;
}

const SEPARATOR = ':::';

/** The settings `system.init` hands the app: a plain URL and three `txt:::url` menu buttons. */
export const INIT_CONFIG = {
  HOME_RIGHT_BTN_URL: 'APP_HOME_RIGHT_BTN_URL',
  SERVICE: 'APP_SERVICE_CONFIG',
  ABOUT: 'APP_ABOUT_CONFIG',
  FEEDBACK: 'APP_FEEDBACK_CONFIG',
} as const;

/** `txt:::url` → {txt, url}; null when the value does not have exactly those two parts. */
export function parseTxtUrl(value: string): TxtUrl | null {
  const parts = value.split(SEPARATOR);
  if (parts.length !== 2) return null;
  const [txt, url] = parts.map((p) => p.trim());
  return txt && url ? { txt, url } : null;
}

/** Key/value settings the back office edits (`configs`), read fresh on each call: they are few and small. */
export class ConfigService {
  constructor(private readonly app: AppContext) {}

  /** The values of `keys` that exist; absent keys are simply missing from the map. */
  async getMany(keys: readonly string[]): Promise<Map<string, string>> {
    const rows = (await this.app.db('configs').select('cfg_key', 'cfg_value').whereIn('cfg_key', keys)) as Array<{
      cfg_key: string;
      cfg_value: string;
    }>;
    return new Map(rows.map((r) => [r.cfg_key, r.cfg_value]));
  }

  async get(key: string): Promise<string | null> {
    return (await this.getMany([key])).get(key) ?? null;
  }

  /** Creates or replaces a value (demo data and the back office). */
  async set(key: string, value: string, meta: { title?: string; description?: string; adminId?: number } = {}): Promise<void> {
    const now = unixSeconds(this.app.clock);
    const changes = {
      cfg_value: value,
      ...(meta.title !== undefined ? { title: meta.title } : {}),
      ...(meta.description !== undefined ? { description: meta.description } : {}),
      u_time: now,
      u_by: meta.adminId ?? 0,
    };
    await this.app.db('configs')
      .insert({ cfg_key: key, title: '', description: '', c_time: now, c_by: meta.adminId ?? 0, ...changes })
      .onConflict('cfg_key')
      .merge(changes);
  }
}

export const configService = (app: AppContext): ConfigService => new ConfigService(app);
