import type { AppContext } from '../../../context';
import { transaction } from '../../../storage/db';
import { ACTION_WEIGHTS, decay, nearbyActionService, type ActionRow } from './actions';
import { ITEM_ON_SALE, nearbyItemService, presentRcmdItem, type ItemRow, type RcmdItem } from './items';

/** Neighbours kept per item (decision 2). */
export const NEIGHBOURS_PER_ITEM = 50;
/** The window of "popular": orders of the last 30 days. */
const POPULAR_WINDOW_MS = 30 * 24 * 3600 * 1000;
/** How many of the user's latest items the CF part of `recommend.index` looks at (decision 3). */
const RECENT_ITEMS = 20;
const CF_SHARE = 0.5;

const byScoreThenId = (a: { score: number; id: number }, b: { score: number; id: number }) => b.score - a.score || a.id - b.id;

/** Σ weight × decay per (user, item): the vectors both algorithms start from. */
function userItemWeights(actions: ActionRow[], now: number): Map<number, Map<number, number>> {
  const users = new Map<number, Map<number, number>>();
  for (const a of actions) {
    const w = (ACTION_WEIGHTS[a.action] ?? 0) * decay(now - Number(a.created_ms));
    if (w <= 0) continue;
    const uid = Number(a.user_id);
    const items = users.get(uid) ?? new Map<number, number>();
    items.set(Number(a.item_id), (items.get(Number(a.item_id)) ?? 0) + w);
    users.set(uid, items);
  }
  return users;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Item-based collaborative filtering with time decay (decision 2) and tag profiles (decision 3). The
 * item–item similarities are precomputed by the job `nearby.similarity`; reads only look them up.
 * Every ordering breaks ties by item id, so a fixed dataset always gives the same answer.
 */
export class NearbyRecommender {
  constructor(private readonly app: AppContext) {}

  /**
   * Rebuilds `nearby_item_similarity`: cosine between the items' user vectors, top 50 per item.
   * Runs in one transaction, so readers see the old table or the new one, never half of each.
   */
  async rebuildSimilarity(): Promise<{ items: number; pairs: number }> {
    const now = this.app.clock.now();
    const actions: ActionRow[] = await this.app.db('nearby_item_actions').select('user_id', 'item_id', 'action', 'created_ms');
    const users = userItemWeights(actions, now);
    const norms = new Map<number, number>();
    const dots = new Map<number, Map<number, number>>();
    for (const items of users.values()) {
      const entries = [...items];
      for (const [i, wi] of entries) {
        norms.set(i, (norms.get(i) ?? 0) + wi * wi);
        for (const [j, wj] of entries) {
          if (i === j) continue;
          const row = dots.get(i) ?? new Map<number, number>();
          row.set(j, (row.get(j) ?? 0) + wi * wj);
          dots.set(i, row);
        }
      }
    }
    const rows: Array<{ item_id: number; similar_item_id: number; score: number; updated_ms: number }> = [];
    for (const [i, row] of [...dots].sort((a, b) => a[0] - b[0])) {
      const scored = [...row]
        .map(([j, dot]) => ({ id: j, score: dot / Math.sqrt(norms.get(i)! * norms.get(j)!) }))
        .filter((s) => s.score > 0)
        .sort(byScoreThenId)
        .slice(0, NEIGHBOURS_PER_ITEM);
      for (const s of scored) rows.push({ item_id: i, similar_item_id: s.id, score: s.score, updated_ms: now });
    }
    await transaction(this.app.db, async (trx) => {
      await trx('nearby_item_similarity').delete();
      for (let k = 0; k < rows.length; k += 500) await trx('nearby_item_similarity').insert(rows.slice(k, k + 500));
    });
    return { items: dots.size, pairs: rows.length };
  }

  /** On-sale items ordered most in the last 30 days, then by id: the cold-start answer and the filler. */
  async popular(limit: number, exclude: Set<number>): Promise<ItemRow[]> {
    const since = this.app.clock.now() - POPULAR_WINDOW_MS;
    const ordered = this.app
      .db('nearby_item_actions')
      .select('item_id')
      .count({ orders: '*' })
      .where('action', 'order')
      .where('created_ms', '>=', since)
      .groupBy('item_id')
      .as('o');
    const rows: Array<ItemRow & { orders: number | null }> = await this.app
      .db('nearby_items as i')
      .leftJoin(ordered, 'o.item_id', 'i.id')
      .where('i.status', ITEM_ON_SALE)
      .select('i.*', 'o.orders')
      .orderByRaw('COALESCE(o.orders, 0) DESC')
      .orderBy('i.id', 'asc')
      .limit(limit + exclude.size);
    return rows.filter((r) => !exclude.has(Number(r.id))).slice(0, limit);
  }

  /** `recommend.item`: the item's neighbours on sale, best first, then popular items; never the item itself. */
  async similarTo(itemId: string, limit: number): Promise<RcmdItem[]> {
    const items = this.app.use(nearbyItemService);
    const item = await items.require(itemId);
    const neighbours: Array<{ similar_item_id: number }> = await this.app
      .db('nearby_item_similarity as s')
      .join('nearby_items as i', 'i.id', 's.similar_item_id')
      .where({ 's.item_id': item.id, 'i.status': ITEM_ON_SALE })
      .select('s.similar_item_id')
      .orderBy([{ column: 's.score', order: 'desc' }, { column: 's.similar_item_id', order: 'asc' }])
      .limit(limit);
    const chosen = await items.byIds(neighbours.map((n) => Number(n.similar_item_id)));
    const taken = new Set([Number(item.id), ...chosen.map((r) => Number(r.id))]);
    if (chosen.length < limit) chosen.push(...(await this.popular(limit - chosen.length, taken)));
    return chosen.map(presentRcmdItem);
  }

  /**
   * `recommend.index`: score = cosine(the user's tag profile, the item's tags) + 0.5 × the best CF
   * similarity to the user's 20 latest items; items the user ordered are left out; no history (or no
   * positive score) falls back to popular items.
   */
  async forUser(userId: number, limit: number): Promise<RcmdItem[]> {
    const now = this.app.clock.now();
    const history = await this.app.use(nearbyActionService).ofUser(userId);
    const ordered = new Set(history.filter((a) => a.action === 'order').map((a) => Number(a.item_id)));
    if (history.length === 0) return (await this.popular(limit, ordered)).map(presentRcmdItem);

    const items = this.app.use(nearbyItemService);
    const weights = userItemWeights(history, now).get(userId) ?? new Map<number, number>();
    const tags = await items.tagsOf([...weights.keys()]);
    const profile = new Map<string, number>();
    for (const [itemId, w] of weights) {
      for (const [tag, tw] of tags.get(itemId) ?? []) profile.set(tag, (profile.get(tag) ?? 0) + w * tw);
    }

    const recent: number[] = [];
    for (const a of history) {
      const id = Number(a.item_id);
      if (!recent.includes(id)) recent.push(id);
      if (recent.length === RECENT_ITEMS) break;
    }
    const cf = new Map<number, number>();
    if (recent.length) {
      const rows: Array<{ similar_item_id: number; score: number }> = await this.app
        .db('nearby_item_similarity')
        .whereIn('item_id', recent)
        .select('similar_item_id', 'score');
      for (const r of rows) cf.set(Number(r.similar_item_id), Math.max(cf.get(Number(r.similar_item_id)) ?? 0, Number(r.score)));
    }

    const candidates: ItemRow[] = await this.app.db('nearby_items').where({ status: ITEM_ON_SALE });
    const candidateTags = await items.tagsOf(candidates.map((c) => Number(c.id)));
    const scored = candidates
      .filter((c) => !ordered.has(Number(c.id)))
      .map((c) => ({
        id: Number(c.id),
        row: c,
        score: cosine(profile, candidateTags.get(Number(c.id)) ?? new Map()) + CF_SHARE * (cf.get(Number(c.id)) ?? 0),
      }))
      .filter((s) => s.score > 0)
      .sort(byScoreThenId)
      .slice(0, limit);
    const chosen = scored.map((s) => s.row);
    if (chosen.length < limit) {
      chosen.push(...(await this.popular(limit - chosen.length, new Set([...ordered, ...chosen.map((r) => Number(r.id))]))));
    }
    return chosen.map(presentRcmdItem);
  }
}

export const nearbyRecommender = (app: AppContext): NearbyRecommender => new NearbyRecommender(app);
