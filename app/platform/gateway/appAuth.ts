import crypto from 'node:crypto';
import type net from 'node:net';
import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { parseIpList } from '../../core/ip';
import { parseOriginList } from '../../core/origin';

import { API_TYPES, type ApiType } from '../../core/caller';

export { API_TYPES, type ApiType };

export interface AppidRow {
  id: number;
  appid: string;
  api_type: ApiType;
  name: string;
  secret: string;
  prev_secret: string | null;
  prev_secret_expires_at: number | null;
  ip_allow: string | null;
  /** Comma-separated canonical origins (CORS); empty = not for browsers. */
  origin_allow: string | null;
  status: number;
  c_time: number;
  u_time: number;
}

/** An active appid as the protocol needs it: its namespace, the secrets that verify now, its allow-lists. */
export interface AppCredential {
  appid: string;
  apiType: ApiType;
  name: string;
  secret: string;
  previousSecret: { secret: string; expiresAt: number } | null;
  allowList: net.BlockList | null;
  /** The browser origins its pages may call from; empty = none (a call with an `Origin` header is refused). */
  origins: ReadonlySet<string>;
}

interface CacheEntry {
  credential: AppCredential | null;
  loadedAt: number;
}

const MAX_CACHED = 10_000;

function toCredential(row: AppidRow): AppCredential {
  return {
    appid: row.appid,
    apiType: row.api_type,
    name: row.name,
    secret: row.secret,
    previousSecret:
      row.prev_secret && row.prev_secret_expires_at ? { secret: row.prev_secret, expiresAt: row.prev_secret_expires_at } : null,
    allowList: row.ip_allow && row.ip_allow.trim() ? parseIpList(row.ip_allow) : null,
    origins: new Set(parseOriginList(row.origin_allow ?? '')),
  };
}

export function newSecret(): string {
  return crypto.randomBytes(16).toString('hex');
}

/**
 * Appids and their secrets. Lookups are cached in process for `protocol.appidCacheMs` (unknown appids
 * too, so garbage appids cannot hammer the database); a disabled or rotated appid takes effect everywhere
 * within that time.
 */
export class AppAuthService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly loading = new Map<string, Promise<AppCredential | null>>();
  private browserOrigins: { origins: ReadonlySet<string>; loadedAt: number } | null = null;
  private loadingOrigins: Promise<ReadonlySet<string>> | null = null;
  /** Bumped by every change, so a load that began before one never caches what it read. */
  private originsGeneration = 0;

  constructor(private readonly app: AppContext) {}

  async find(appid: string): Promise<AppCredential | null> {
    const ttl = this.app.config.protocol.appidCacheMs;
    const now = this.app.clock.now();
    const hit = this.cache.get(appid);
    if (hit && now - hit.loadedAt < ttl) return hit.credential;
    const pending = this.loading.get(appid);
    if (pending) return pending;
    const load = this.load(appid).finally(() => this.loading.delete(appid));
    this.loading.set(appid, load);
    return load;
  }

  private async load(appid: string): Promise<AppCredential | null> {
    const found = (await this.app.db<AppidRow>('api_auth').where({ appid }).first()) ?? null;
    // Exactly the stored spelling: a MySQL collation would match `DEMO_APP` or `demo_app ` too, and
    // everything keyed on the appid afterwards (rate limit, replay guard) would key on the wrong name.
    const row = found && found.appid === appid ? found : null;
    let credential: AppCredential | null = null;
    if (row && row.status === 1) {
      try {
        credential = toCredential(row);
      } catch (err) {
        // A broken allow-list must not open the appid to everyone: treat it as disabled, say why once.
        this.app.logger.error({ appid, err: (err as Error).message }, 'appid has a malformed ip_allow or origin_allow; refusing it');
      }
    }
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    if (this.app.config.protocol.appidCacheMs > 0) this.cache.set(appid, { credential, loadedAt: this.app.clock.now() });
    return credential;
  }

  /** The secrets a signature may be made with right now: the current one, and the previous until it expires. */
  liveSecrets(credential: AppCredential): string[] {
    const prev = credential.previousSecret;
    return prev && prev.expiresAt > unixSeconds(this.app.clock) ? [credential.secret, prev.secret] : [credential.secret];
  }

  /**
   * Whether any live appid lists `origin`: a CORS preflight carries no appid yet, so this decides it (and
   * whether an answer carries CORS headers); the call itself is then held to its own appid's list. The
   * set is cached like the appids, so a browser request costs a Set lookup.
   */
  async isBrowserOrigin(origin: string): Promise<boolean> {
    const cached = this.browserOrigins;
    if (cached && this.app.clock.now() - cached.loadedAt < this.app.config.protocol.appidCacheMs) return cached.origins.has(origin);
    if (!this.loadingOrigins) {
      const load = this.loadBrowserOrigins().finally(() => {
        if (this.loadingOrigins === load) this.loadingOrigins = null;
      });
      this.loadingOrigins = load;
    }
    return (await this.loadingOrigins).has(origin);
  }

  private async loadBrowserOrigins(): Promise<ReadonlySet<string>> {
    const generation = this.originsGeneration;
    const rows = await this.app.db<AppidRow>('api_auth').where({ status: 1 }).whereNot('origin_allow', '').select('appid', 'origin_allow');
    const origins = new Set<string>();
    for (const row of rows) {
      try {
        for (const origin of parseOriginList(row.origin_allow ?? '')) origins.add(origin);
      } catch {
        // the appid itself is refused for this when it is looked up (and logged there)
      }
    }
    if (generation === this.originsGeneration) this.browserOrigins = { origins, loadedAt: this.app.clock.now() };
    return origins;
  }

  forget(appid?: string): void {
    if (appid === undefined) this.cache.clear();
    else this.cache.delete(appid);
    this.browserOrigins = null;
    this.loadingOrigins = null;
    this.originsGeneration++;
  }

  // ---- operator actions (scripts/appid.ts, tests) ----

  /**
   * An admin appid's allow-list is part of its credential (the secret sits in back-office tools): without
   * one it is refused in production, and a warning elsewhere.
   */
  private checkAdminAllowList(apiType: ApiType, ipAllow: string | undefined, appid: string): void {
    if (apiType !== 'admin' || (ipAllow ?? '').trim()) return;
    if (this.app.config.env === 'production') {
      throw new Error('an admin appid needs an IP allow-list in production (--ip-allow "10.0.0.0/8,…"): its secret alone would open the back office');
    }
    this.app.logger.warn({ appid }, 'admin appid without an IP allow-list: its secret alone opens the back office (refused in production)');
  }

  async create(input: { apiType: ApiType; name: string; appid?: string; secret?: string; ipAllow?: string; origins?: string }): Promise<AppidRow> {
    if (input.ipAllow) parseIpList(input.ipAllow); // refuse a malformed list before storing it
    const origins = parseOriginList(input.origins ?? '').join(',');
    const appid = input.appid ?? `${input.apiType}_${crypto.randomBytes(6).toString('hex')}`;
    this.checkAdminAllowList(input.apiType, input.ipAllow, appid);
    const now = unixSeconds(this.app.clock);
    const row = {
      appid,
      api_type: input.apiType,
      name: input.name,
      secret: input.secret ?? newSecret(),
      ip_allow: input.ipAllow ?? '',
      origin_allow: origins,
      status: 1,
      c_time: now,
      u_time: now,
    };
    await this.app.db('api_auth').insert(row);
    if (origins) this.forget();
    return (await this.app.db<AppidRow>('api_auth').where({ appid: row.appid }).first()) as AppidRow;
  }

  async list(): Promise<AppidRow[]> {
    return this.app.db<AppidRow>('api_auth').orderBy('id');
  }

  /** A new secret; the old one keeps verifying for `graceSeconds` so clients in the field can update. */
  async rotate(appid: string, graceSeconds: number): Promise<AppidRow | null> {
    const row = await this.app.db<AppidRow>('api_auth').where({ appid }).first();
    if (!row) return null;
    const now = unixSeconds(this.app.clock);
    await this.app.db('api_auth').where({ appid }).update({
      prev_secret: row.secret,
      prev_secret_expires_at: now + graceSeconds,
      secret: newSecret(),
      u_time: now,
    });
    this.forget(appid);
    return (await this.app.db<AppidRow>('api_auth').where({ appid }).first()) ?? null;
  }

  async setStatus(appid: string, active: boolean): Promise<boolean> {
    const changed = await this.app.db('api_auth')
      .where({ appid })
      .update({ status: active ? 1 : 0, u_time: unixSeconds(this.app.clock) });
    this.forget(appid);
    return changed > 0;
  }

  async setIpAllow(appid: string, ipAllow: string): Promise<boolean> {
    if (ipAllow) parseIpList(ipAllow);
    const row = await this.app.db<AppidRow>('api_auth').where({ appid }).first();
    if (!row) return false;
    this.checkAdminAllowList(row.api_type, ipAllow, appid);
    const changed = await this.app.db('api_auth').where({ appid }).update({ ip_allow: ipAllow, u_time: unixSeconds(this.app.clock) });
    this.forget(appid);
    return changed > 0;
  }

  /** Replaces the appid's browser origins ("" = none); answers the canonical list, or null for no such appid. */
  async setOrigins(appid: string, origins: string): Promise<string[] | null> {
    const list = parseOriginList(origins);
    const changed = await this.app.db('api_auth').where({ appid }).update({ origin_allow: list.join(','), u_time: unixSeconds(this.app.clock) });
    this.forget(appid);
    return changed > 0 ? list : null;
  }
}

export const appAuthService = (app: AppContext): AppAuthService => new AppAuthService(app);
