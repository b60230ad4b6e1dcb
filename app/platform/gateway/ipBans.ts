import net from 'node:net';
import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { addIpRule, ipMatches } from '../../core/ip';

interface BanRow {
  ip: string;
  expires_at: number | null;
}

/**
 * The global ban list (protocol step 6). Bans live in the `ip_bans` table, shared by every process;
 * each process matches against a snapshot it reloads every `protocol.banCacheMs`, so the hot path of a
 * request does no I/O for it. A ban made here takes effect at once in this process.
 */
export class IpBanList {
  private snapshot: { list: net.BlockList; size: number; loadedAt: number; nextExpiry: number } | null = null;
  private loading: Promise<{ list: net.BlockList; size: number }> | null = null;

  constructor(private readonly app: AppContext) {}

  async isBanned(ip: string): Promise<boolean> {
    const { list, size } = await this.current();
    // BlockList.check builds a SocketAddress per call; with nothing banned (the usual case) skip it.
    return size > 0 && ipMatches(list, ip);
  }

  private async current(): Promise<{ list: net.BlockList; size: number }> {
    const now = this.app.clock.now();
    const snap = this.snapshot;
    if (snap && now - snap.loadedAt < this.app.config.protocol.banCacheMs && now < snap.nextExpiry) return snap;
    if (!this.loading) this.loading = this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(): Promise<{ list: net.BlockList; size: number }> {
    const now = unixSeconds(this.app.clock);
    const rows: BanRow[] = await this.app.db('ip_bans')
      .select('ip', 'expires_at')
      .where((q) => q.whereNull('expires_at').orWhere('expires_at', '>', now));
    const list = new net.BlockList();
    let nextExpiry = Infinity;
    let size = 0;
    for (const row of rows) {
      try {
        addIpRule(list, row.ip);
      } catch {
        this.app.logger.warn({ ip: row.ip }, 'ignoring malformed ip_bans entry');
        continue;
      }
      size++;
      if (row.expires_at) nextExpiry = Math.min(nextExpiry, row.expires_at * 1000);
    }
    this.snapshot = { list, size, loadedAt: this.app.clock.now(), nextExpiry };
    return this.snapshot;
  }

  /** Bans an address or CIDR block for `seconds` (null = until lifted). */
  async ban(ip: string, seconds: number | null, reason: string): Promise<void> {
    addIpRule(new net.BlockList(), ip); // validate
    const now = unixSeconds(this.app.clock);
    await this.app.db('ip_bans').insert({ ip, reason: reason.slice(0, 255), expires_at: seconds === null ? null : now + seconds, c_time: now });
    this.snapshot = null;
  }

  async lift(ip: string): Promise<number> {
    const removed = await this.app.db('ip_bans').where({ ip }).delete();
    this.snapshot = null;
    return removed;
  }
}

export const ipBanList = (app: AppContext): IpBanList => new IpBanList(app);
